import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { AUDIT_LIMITS, REDACTED, auditDiff, isSecretKey, looksLikeCardNumber } from './audit-diff.js';

describe('auditDiff', () => {
  it('keeps only the fields that changed, on both sides', () => {
    const change = auditDiff(
      { email: 'a@example.com', role: 'user', status: 'active', updatedAt: new Date(1) },
      { email: 'a@example.com', role: 'staff', status: 'active', updatedAt: new Date(2) },
    );
    expect(change).toEqual({ before: { role: 'user' }, after: { role: 'staff' }, fields: ['role'], truncated: false });
  });

  it('descends into nested objects so a nested change shows alone', () => {
    const change = auditDiff(
      { profile: { displayName: 'Ada', timezone: 'UTC' }, plan: 'free' },
      { profile: { displayName: 'Ada L.', timezone: 'UTC' }, plan: 'free' },
    );
    expect(change.before).toEqual({ profile: { displayName: 'Ada' } });
    expect(change.after).toEqual({ profile: { displayName: 'Ada L.' } });
    expect(change.fields).toEqual(['profile.displayName']);
  });

  it('records a field added or removed on one side only', () => {
    const change = auditDiff({ reason: 'spam' }, { note: 'cleared' });
    expect(change).toMatchObject({ before: { reason: 'spam' }, after: { note: 'cleared' } });
    expect(change.fields.sort()).toEqual(['note', 'reason']);
  });

  it('keeps every field of a creation (no before) and of a removal (no after)', () => {
    expect(auditDiff(undefined, { name: 'Acme', slug: 'acme' })).toEqual({
      after: { name: 'Acme', slug: 'acme' },
      fields: ['name', 'slug'],
      truncated: false,
    });
    const removal = auditDiff({ name: 'Acme' }, undefined);
    expect(removal.before).toEqual({ name: 'Acme' });
    expect(removal.after).toBeUndefined();
  });

  it('compares arrays by value and stores a changed array whole', () => {
    expect(auditDiff({ tags: ['a', 'b'] }, { tags: ['a', 'b'] }).fields).toEqual([]);
    expect(auditDiff({ tags: ['a', 'b'] }, { tags: ['a', 'c'] })).toMatchObject({
      before: { tags: ['a', 'b'] },
      after: { tags: ['a', 'c'] },
    });
  });

  it('stores ObjectIds, Dates and Maps as plain JSON and compares them by value', () => {
    const id = new Types.ObjectId();
    const at = new Date('2026-01-02T03:04:05.000Z');
    expect(auditDiff({ ownerId: id, at }, { ownerId: new Types.ObjectId(id.toHexString()), at: new Date(at) }).fields).toEqual([]);
    const change = auditDiff(undefined, { ownerId: id, at, limits: new Map([['seats', 5]]) });
    expect(change.after).toEqual({ ownerId: id.toHexString(), at: at.toISOString(), limits: { seats: 5 } });
  });

  it('leaves out bookkeeping fields (updatedAt, __v, effects) that say nothing about the action', () => {
    const change = auditDiff({ status: 'open', __v: 1, effects: [] }, { status: 'closed', __v: 2, effects: [{ key: 'x' }] });
    expect(change.fields).toEqual(['status']);
  });
});

describe('redaction', () => {
  it('redacts secrets at any depth, in arrays too, on both sides, and still says they changed', () => {
    const change = auditDiff(
      { passwordHash: 'old-hash', nested: { apiKey: 'k1', deeper: { refresh_token: 'r1' } }, list: [{ clientSecret: 's1' }] },
      { passwordHash: 'new-hash', nested: { apiKey: 'k2', deeper: { refresh_token: 'r2' } }, list: [{ clientSecret: 's2' }] },
    );
    expect(change.fields.sort()).toEqual(['list', 'nested.apiKey', 'nested.deeper.refresh_token', 'passwordHash']);
    expect(change.before).toEqual({
      passwordHash: REDACTED,
      nested: { apiKey: REDACTED, deeper: { refresh_token: REDACTED } },
      list: [{ clientSecret: REDACTED }],
    });
    expect(JSON.stringify(change)).not.toMatch(/old-hash|new-hash|k1|k2|r1|r2|s1|s2/);
  });

  it('redacts a whole secret object instead of descending into it', () => {
    const change = auditDiff({ credentials: { user: 'a', pass: 'x' } }, { credentials: { user: 'a', pass: 'y' } });
    expect(change).toMatchObject({ before: { credentials: REDACTED }, after: { credentials: REDACTED }, fields: ['credentials'] });
  });

  it('redacts card data by key and card numbers by their shape, whatever the key', () => {
    const change = auditDiff(undefined, { card: { number: '4242 4242 4242 4242', cvc: '123', last4: '4242' }, note: '4242424242424242' });
    expect(change.after).toEqual({ card: { number: REDACTED, cvc: REDACTED, last4: '4242' }, note: REDACTED });
  });

  it('matches secret keys whatever their case and separators, and spares identifiers that only look like keys', () => {
    for (const key of [
      'password',
      'newPassword',
      'passwordHash',
      'tokenHash',
      'accessToken',
      'x-api-key',
      'SECRET',
      'webhookSecret',
      'privateKey',
      'cvv',
      'salt',
      'otp',
    ])
      expect(isSecretKey(key), key).toBe(true);
    for (const key of ['key', 'planKey', 'featureKey', 'idempotencyKey', 'role', 'status', 'email', 'last4', 'displayName'])
      expect(isSecretKey(key), key).toBe(false);
  });

  it('recognises card numbers by the Luhn check only', () => {
    expect(looksLikeCardNumber('4242424242424242')).toBe(true);
    expect(looksLikeCardNumber('4242424242424241')).toBe(false);
    expect(looksLikeCardNumber('12345')).toBe(false);
  });
});

describe('size bound', () => {
  it('shortens long strings and long arrays and says so', () => {
    const change = auditDiff(undefined, { bio: 'x'.repeat(AUDIT_LIMITS.stringLength + 50), ids: Array.from({ length: 200 }, (_, i) => i) });
    expect((change.after!.bio as string).length).toBe(AUDIT_LIMITS.stringLength + 1);
    expect(change.after!.ids).toHaveLength(AUDIT_LIMITS.arrayItems);
    expect(change.truncated).toBe(true);
  });

  it('keeps only the changed field paths when a huge document would still exceed the bound', () => {
    const huge = (value: string) =>
      Object.fromEntries(Array.from({ length: AUDIT_LIMITS.objectKeys }, (_, i) => [`field${i}`, `${value}${'y'.repeat(400)}`]));
    const change = auditDiff(huge('a'), huge('b'));
    expect(change.before).toBeUndefined();
    expect(change.after).toBeUndefined();
    expect(change.truncated).toBe(true);
    expect(change.fields).toHaveLength(AUDIT_LIMITS.objectKeys);
    expect(Buffer.byteLength(JSON.stringify(change))).toBeLessThan(AUDIT_LIMITS.bytes);
  });

  it('bounds the number of field paths and survives deep nesting and cycles', () => {
    const wide = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`f${i}`, i]));
    expect(auditDiff(undefined, wide).fields).toHaveLength(AUDIT_LIMITS.fields);
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 50; i++) deep = { child: deep };
    expect(() => auditDiff(undefined, { cyclic, deep })).not.toThrow();
  });
});
