import { describe, expect, it } from 'vitest';
import { ValidationProblem } from '../../core/http/problem.js';
import { columnOf, judgeRow, parseCsvRows } from './lead-import-rows.js';
import { MAX_NAME_CHARS, MAX_TAG_CHARS } from './schemas/lead.schema.js';

describe('import rows', () => {
  it('keeps a good row in its stored spelling', () => {
    expect(
      judgeRow(
        { name: ' Ada ', phone: '(415) 555-0100', email: 'ADA@Example.com', tags: 'vip; west |vip', timezone: 'America/Denver' },
        2,
        'US',
      ),
    ).toEqual({
      ok: true,
      candidate: {
        line: 2,
        name: 'Ada',
        phone: '+14155550100',
        phoneCountry: 'US',
        email: 'ada@example.com',
        tags: ['vip', 'west'],
        timezone: 'America/Denver',
        notes: undefined,
        externalId: undefined,
      },
    });
  });

  it('counts names and tags in characters, so an emoji is one', () => {
    const row = (name: string, tag: string) => judgeRow({ name, phone: '+14155550100', tags: [tag] }, 2);
    expect(row('😀'.repeat(MAX_NAME_CHARS), '🌱'.repeat(MAX_TAG_CHARS)).ok).toBe(true);
    expect(row('😀'.repeat(MAX_NAME_CHARS + 1), 'x')).toMatchObject({ ok: false, reject: { field: 'name' } });
    expect(row('Ada', '🌱'.repeat(MAX_TAG_CHARS + 1))).toMatchObject({ ok: false, reject: { field: 'tags' } });
  });

  it('reads a national number in the row’s own country over the default', () => {
    const verdict = judgeRow({ name: 'Bea', phone: '020 7946 0958', country: 'gb' }, 3, 'US');
    expect(verdict).toMatchObject({ ok: true, candidate: { phone: '+442079460958', phoneCountry: 'GB' } });
  });

  it.each([
    [{ phone: '+14155550100' }, 'name', 'is required'],
    [{ name: 'x'.repeat(201), phone: '+14155550100' }, 'name', 'is longer than 200 characters'],
    [{ name: 'A' }, 'phone', 'is required'],
    [{ name: 'A', phone: '12345' }, 'phone', 'is not a valid phone number'],
    [{ name: 'A', phone: '+14155550100', country: 'USA' }, 'country', 'is not a two-letter country code'],
    [{ name: 'A', phone: '+14155550100', email: 'not-an-address' }, 'email', 'is not an email address'],
    [{ name: 'A', phone: '+14155550100', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'tags', 'has more than 20 tags'],
    [{ name: 'A', phone: '+14155550100', tags: [1, 2] }, 'tags', 'is not a list of words'],
    [{ name: 'A', phone: '+14155550100', timezone: 'Mars/Base' }, 'timezone', 'is not an IANA timezone'],
    [{ name: 'A', phone: '+14155550100', notes: 'n'.repeat(5001) }, 'notes', 'is longer than 5000 characters'],
  ])('rejects %j on %s', (row, field, reason) => {
    expect(judgeRow(row as Record<string, unknown>, 7, 'US')).toEqual({ ok: false, reject: { line: 7, field, reason } });
  });

  it('folds column names', () => {
    expect(['Name', 'Phone Number', 'E-mail', 'External ID', 'TZ', 'whatever'].map(columnOf)).toEqual([
      'name',
      'phone',
      'email',
      'externalId',
      'timezone',
      '_whatever',
    ]);
  });

  it('numbers CSV rows by their line, the header being line 1, blank lines counted', () => {
    const { rows } = parseCsvRows('name,phone\nAda,+14155550100\n\nBea,"+1 212\n555 0100"\nCy,+13125550100\n');
    expect(rows.map(({ row, line }) => [row.name, line])).toEqual([
      ['Ada', 2],
      ['Bea', 5],
      ['Cy', 6],
    ]);
  });

  it('refuses a file without a phone column, or unreadable CSV, whole', () => {
    expect(() => parseCsvRows('name,email\nAda,a@example.com\n')).toThrow(ValidationProblem);
    expect(() => parseCsvRows('name,phone\n"Ada,+14155550100\n')).toThrow(ValidationProblem);
  });
});
