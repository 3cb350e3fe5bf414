import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeedProgress } from '../../../src/cli/seed-progress.js';
import { seedSupport } from '../../../src/cli/seeders/support.seeder.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { startBaseline, type BaselineProcess } from './baseline-process.js';

// Long enough that nothing this file reads expires mid-test: the window itself is what one test checks.
const CACHE_MS = 600_000;
const USER_AGENT = 'baseline-parity';

/** Every key path of a JSON value (arrays by their first item), so two answers can be compared by shape. */
function shape(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.length ? shape(value[0], `${prefix}[]`) : [`${prefix}[]`];
  if (value && typeof value === 'object' && !(value instanceof Date) && value.constructor?.name !== 'ObjectId') {
    return Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .flatMap(([key, item]) => [`${prefix}.${key}`, ...shape(item, `${prefix}.${key}`)])
      .sort();
  }
  return [];
}

const sequenceOf = (ticketNumber: string) => Number(ticketNumber.split('-')[2]);

/** The benchmark compares Atrium with the baseline; these check the baseline does the same work and gives the same answers. */
describe('the benchmark baseline answers as Atrium does', () => {
  let t: TestApp;
  let baseline: BaselineProcess;
  let admin: TestUser;
  let staff: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    [admin, staff] = await Promise.all([userWithRole(t, 'admin'), userWithRole(t, 'staff'), registerUser(t), registerUser(t)]);
    await seedSupport(t.app, 300, new SeedProgress());
    baseline = await startBaseline({ AUTH_ACCOUNT_CACHE_MS: String(CACHE_MS) });
  });
  afterAll(async () => {
    await baseline?.kill();
    await t?.close();
  });

  const atriumGet = (path: string, user?: TestUser) => {
    const call = t.http().get(`/api${path}`).set('user-agent', USER_AGENT);
    return user ? call.set(bearer(user)) : call;
  };
  const baselineCall = async (method: string, path: string, user?: TestUser, body?: unknown) => {
    const headers: Record<string, string> = { 'user-agent': USER_AGENT };
    if (user) headers.authorization = `Bearer ${user.accessToken}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${baseline.base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  const both = async (path: string, user?: TestUser) => {
    const [atrium, base] = await Promise.all([atriumGet(path, user), baselineCall('GET', path, user)]);
    return { atrium: atrium.status, baseline: base.status };
  };

  it('refuses the tokens Atrium refuses: a signed-out session, a deactivated account, a changed role', async () => {
    const [signedOut, deactivated, demoted, control] = await Promise.all([
      registerUser(t),
      registerUser(t),
      userWithRole(t, 'staff'),
      registerUser(t),
    ]);
    await t.http().post('/api/auth/logout').set(bearer(signedOut)).expect(204);
    await t.http().patch(`/api/users/${deactivated.id}/status`).set(bearer(admin)).send({ status: 'deactivated' }).expect(200);
    await t.http().patch(`/api/users/${demoted.id}/role`).set(bearer(admin)).send({ role: 'user' }).expect(200);

    expect(await both(`/users/${control.id}`, control)).toEqual({ atrium: 200, baseline: 200 });
    expect(await both(`/users/${control.id}`, signedOut)).toEqual({ atrium: 401, baseline: 401 });
    expect(await both(`/users/${control.id}`, deactivated)).toEqual({ atrium: 401, baseline: 401 });
    expect(await both('/support/queue?status=open&limit=20', demoted)).toEqual({ atrium: 401, baseline: 401 });
    expect(await both(`/users/${control.id}`)).toEqual({ atrium: 401, baseline: 401 });
  });

  it('remembers what it read of an account for the cache window, as another Atrium instance does', async () => {
    const user = await registerUser(t);
    expect((await baselineCall('GET', '/notifications/unread-count', user)).status).toBe(200);
    await t.http().post('/api/auth/logout').set(bearer(user)).expect(204);
    // The instance that signed the user out forgets at once; any other holds its read until the window ends.
    expect((await atriumGet('/notifications/unread-count', user)).status).toBe(401);
    expect((await baselineCall('GET', '/notifications/unread-count', user)).status).toBe(200);
  });

  it('opens a ticket with the same answer, stored document, numbering and SLA as Atrium', async () => {
    const requester = await registerUser(t);
    const body = {
      subject: 'Invoice shows the wrong company name',
      category: 'billing',
      priority: 'high',
      message: 'The March invoice names our former company.',
      attachments: ['https://files.atrium-cdn.com/invoice.pdf'],
    };
    const atrium = await t.http().post('/api/support/tickets').set(bearer(requester)).set('user-agent', USER_AGENT).send(body);
    const base = await baselineCall('POST', '/support/tickets', requester, body);
    expect(atrium.status, JSON.stringify(atrium.body)).toBe(201);
    expect(base.status, JSON.stringify(base.body)).toBe(201);
    expect(shape(base.body)).toEqual(shape(atrium.body));
    expect(sequenceOf(base.body.ticketNumber)).toBe(sequenceOf(atrium.body.ticketNumber) + 1);
    for (const answer of [atrium.body, base.body]) {
      expect(answer).toMatchObject({
        status: 'open',
        priority: 'high',
        requesterId: requester.id,
        requesterEmail: requester.email,
        messageCount: 1,
      });
      expect(Date.parse(answer.sla.firstResponseDueAt) - Date.parse(answer.createdAt)).toBe(8 * 3_600_000);
      expect(Date.parse(answer.sla.resolutionDueAt) - Date.parse(answer.createdAt)).toBe(48 * 3_600_000);
    }

    const stored = t.connection.collection('supporttickets');
    const [fromAtrium, fromBaseline] = await Promise.all([
      stored.findOne({ _id: new Types.ObjectId(String(atrium.body.id)) }),
      stored.findOne({ _id: new Types.ObjectId(String(base.body.id)) }),
    ]);
    expect(shape(fromBaseline)).toEqual(shape(fromAtrium));
    expect(fromBaseline!.messages[0].authorName).toBe(fromAtrium!.messages[0].authorName);

    // Staff opening a ticket get the desk's view of it (notes and history) from both.
    const [staffAtrium, staffBase] = await Promise.all([
      t.http().post('/api/support/tickets').set(bearer(staff)).send(body),
      baselineCall('POST', '/support/tickets', staff, body),
    ]);
    expect(staffAtrium.body.history).toHaveLength(1);
    expect(shape(staffBase.body)).toEqual(shape(staffAtrium.body));

    const plain = { subject: 'No priority given', category: 'other', message: 'Which priority do I get?' };
    const defaulted = await baselineCall('POST', '/support/tickets', requester, plain);
    expect(defaulted.status).toBe(201);
    expect(Date.parse(defaulted.body.sla.firstResponseDueAt) - Date.parse(defaulted.body.createdAt)).toBe(24 * 3_600_000);
  });

  it('refuses the ticket bodies Atrium refuses, and anonymous callers', async () => {
    const requester = await registerUser(t);
    const good = { subject: 'Agent stops answering', category: 'agents', message: 'It stopped after the update.' };
    const bad: unknown[] = [
      { ...good, subject: 'ab' },
      { ...good, subject: 42 },
      { ...good, category: 'nope' },
      { ...good, priority: 'asap' },
      { ...good, message: '' },
      { ...good, message: 'x'.repeat(10_001) },
      { ...good, attachments: ['http://files.atrium-cdn.com/log.txt'] },
      { ...good, attachments: ['https://169.254.169.254/latest/meta-data'] },
      { ...good, attachments: Array.from({ length: 11 }, (_, index) => `https://files.atrium-cdn.com/${index}.txt`) },
      { ...good, unknownField: true },
      { subject: good.subject, category: good.category },
      [good],
    ];
    const before = await t.connection.collection('supporttickets').countDocuments();
    for (const body of bad) {
      const atrium = await t
        .http()
        .post('/api/support/tickets')
        .set(bearer(requester))
        .send(body as object);
      const base = await baselineCall('POST', '/support/tickets', requester, body);
      expect({ body, atrium: atrium.status, baseline: base.status }).toEqual({ body, atrium: 400, baseline: 400 });
    }
    expect((await baselineCall('POST', '/support/tickets', undefined, good)).status).toBe(401);
    expect(await t.connection.collection('supporttickets').countDocuments()).toBe(before);
  });

  it('answers the staff queue with the same tickets, in the same order, and the same total', async () => {
    const queries = [
      'status=open&limit=20',
      'status=open&limit=20&page=2',
      'priority=urgent&overdue=true&limit=20',
      'priority=high&limit=20',
      'overdue=true&limit=20',
    ];
    for (const query of queries) {
      const atrium = await atriumGet(`/support/queue?${query}`, staff);
      const base = await baselineCall('GET', `/support/queue?${query}`, staff);
      expect(atrium.status).toBe(200);
      expect(base.status).toBe(200);
      expect(atrium.body.items.length, query).toBeGreaterThan(0);
      expect({ query, total: base.body.total, page: base.body.page, limit: base.body.limit }).toEqual({
        query,
        total: atrium.body.total,
        page: atrium.body.page,
        limit: atrium.body.limit,
      });
      expect(base.body.items).toEqual(atrium.body.items);
    }
    const user = await registerUser(t);
    expect(await both('/support/queue?status=open&limit=20', user)).toEqual({ atrium: 403, baseline: 403 });
  });
});
