import { Logger } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../../src/app.factory.js';
import { createRootLogger } from '../../../src/core/logging/logger.js';
import { PasswordHasher } from '../../../src/modules/identity/password-hasher.js';
import type { TestApp } from '../../support/app.js';
import { startAppProcess, type AppProcess } from '../../support/app-process.js';
import { bearer, registerUser, type TestUser } from '../../support/auth.js';

type Line = Record<string, unknown>;
const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const TRACERESPONSE = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** The application as it serves, with its root logger writing into `lines`, at debug so health probes show. */
async function appWritingInto(lines: Line[]): Promise<TestApp> {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line) lines.push(JSON.parse(line) as Line);
      done();
    },
  });
  const { app } = await createApp({ logger: createRootLogger('debug', sink) });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const connection = app.get<Connection>(getConnectionToken());
  return {
    app,
    connection,
    routes: [],
    http: () => request(app.getHttpServer()),
    close: async () => {
      await connection.dropDatabase().catch(() => undefined);
      await app.close();
    },
  };
}

describe('access log', () => {
  const lines: Line[] = [];
  let t: TestApp;
  let user: TestUser;
  const ofRequest = (requestId: string) => lines.filter((line) => line.requestId === requestId);
  const accessLines = (requestId: string) => ofRequest(requestId).filter((line) => line.msg === 'request completed');

  beforeAll(async () => {
    t = await appWritingInto(lines);
    user = await registerUser(t);
  });
  afterAll(() => t?.close());

  it('writes one line per request when it is answered: route template, status, duration, size, client and user, no query string', async () => {
    const response = await t
      .http()
      .get(`/api/users/${user.id}?access_token=secret-in-query`)
      .set(bearer(user))
      .set('x-request-id', 'access-one');
    expect(response.status).toBe(200);

    const [line, ...others] = accessLines('access-one');
    expect(others).toEqual([]);
    expect(line).toMatchObject({
      level: 'info',
      requestId: 'access-one',
      traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
      method: 'GET',
      route: '/api/users/:id',
      status: 200,
      durationMs: expect.any(Number),
      bytes: Number(response.headers['content-length']),
      ip: expect.stringMatching(/127\.0\.0\.1|::1/),
      userId: user.id,
    });
    expect(Math.round((line.durationMs as number) * 10)).toBe((line.durationMs as number) * 10);
    expect(lines.some((entry) => entry.msg === 'incoming request')).toBe(false);
    expect(JSON.stringify(lines)).not.toContain('secret-in-query');
  });

  it('honours a valid traceparent on every line of the request and answers with traceresponse', async () => {
    const hasher = t.app.get(PasswordHasher);
    const verify = hasher.verify.bind(hasher);
    // A service writing while the request runs, after an await and after the body was parsed.
    const spy = vi.spyOn(hasher, 'verify').mockImplementation(async (hash, password) => {
      await sleep(5);
      new Logger('PasswordHasher').log('checking a sign-in');
      return verify(hash, password);
    });
    const response = await t
      .http()
      .post('/api/auth/login')
      .set('x-request-id', 'access-traced')
      .set('traceparent', `00-${TRACE}-00f067aa0ba902b7-01`)
      .send({ email: user.email, password: 'not the password' });
    spy.mockRestore();
    expect(response.status).toBe(401);

    const [, traceId, spanId, flags] = TRACERESPONSE.exec(response.headers.traceresponse) ?? [];
    expect({ traceId, flags }).toEqual({ traceId: TRACE, flags: '01' });
    expect(spanId).not.toBe('00f067aa0ba902b7');
    const written = ofRequest('access-traced');
    expect(written.map((line) => line.msg)).toEqual(expect.arrayContaining(['checking a sign-in', 'request completed']));
    for (const line of written) expect(line.traceId, JSON.stringify(line)).toBe(TRACE);
    expect(accessLines('access-traced')).toEqual([
      expect.objectContaining({ level: 'info', method: 'POST', route: '/api/auth/login', status: 401 }),
    ]);
    expect(accessLines('access-traced')[0].userId).toBeUndefined();
  });

  it('starts a new trace when traceparent is absent or invalid', async () => {
    const invalid = [
      undefined,
      `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`,
      `ff-${TRACE}-00f067aa0ba902b7-01`,
      `00-${TRACE.toUpperCase()}-00f067aa0ba902b7-01`,
    ];
    const seen = new Set<string>();
    for (const [i, traceparent] of invalid.entries()) {
      const call = t.http().get('/api/health/live').set('x-request-id', `access-new-trace-${i}`);
      const response = await (traceparent ? call.set('traceparent', traceparent) : call);
      const [, traceId, , flags] = TRACERESPONSE.exec(response.headers.traceresponse) ?? [];
      expect(traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(traceId).not.toBe(TRACE);
      expect(traceId).not.toBe('0'.repeat(32));
      // Level 2's random-trace-id flag: this service drew the id.
      expect(flags).toBe('02');
      expect(accessLines(`access-new-trace-${i}`)).toEqual([expect.objectContaining({ traceId })]);
      seen.add(traceId);
    }
    expect(seen.size).toBe(invalid.length);
  });

  it('logs health probes at debug and the rest at info', async () => {
    await t.http().get('/api/health/live').set('x-request-id', 'access-live');
    await t.http().get('/api/health/ready').set('x-request-id', 'access-ready');
    expect(accessLines('access-live')).toEqual([expect.objectContaining({ level: 'debug', route: '/api/health/live', status: 200 })]);
    expect(accessLines('access-ready')).toEqual([expect.objectContaining({ level: 'debug', route: '/api/health/ready' })]);
  });

  it('names an unmatched path without its query string, and a path the router refuses too', async () => {
    const missing = await t.http().get('/api/no-such-thing/here?token=secret-in-404').set('x-request-id', 'access-404');
    expect(missing.status).toBe(404);
    expect(accessLines('access-404')).toEqual([
      expect.objectContaining({ level: 'info', route: '/api/no-such-thing/here', status: 404, method: 'GET' }),
    ]);

    const malformed = await t.http().get('/api/users/%zz?token=secret-in-400').set('x-request-id', 'access-bad-url');
    expect(malformed.status).toBe(400);
    expect(malformed.headers.traceresponse).toMatch(TRACERESPONSE);
    expect(accessLines('access-bad-url')).toEqual([expect.objectContaining({ status: 400, route: '/api/users/%zz' })]);
    expect(JSON.stringify(lines)).not.toMatch(/secret-in-(404|400)/);
  });
});

/** The real process: lines are buffered, and a SIGTERM must still leave every one of them on stdout. */
describe('access log of the running process', () => {
  let app: AppProcess;
  beforeAll(async () => {
    app = await startAppProcess({ LOG_LEVEL: 'debug' });
  });
  afterAll(() => app?.kill());

  it('writes exactly one access line for each request made before a SIGTERM, none lost', async () => {
    const requests = Array.from({ length: 40 }, (_, i) => ({
      id: `process-access-${i}`,
      path: i % 4 === 0 ? '/api/no-such-route' : '/api/health/live',
      traceparent: i % 2 === 0 ? `00-${TRACE.slice(0, 30)}${String(i).padStart(2, '0')}-00f067aa0ba902b7-01` : undefined,
    }));
    const traces = new Map<string, string>();
    for (const { id, path, traceparent } of requests) {
      const response = await fetch(`${app.base}${path}`, { headers: { 'x-request-id': id, ...(traceparent ? { traceparent } : {}) } });
      await response.arrayBuffer();
      traces.set(id, TRACERESPONSE.exec(response.headers.get('traceresponse') ?? '')![1]);
      if (traceparent) expect(traces.get(id)).toBe(traceparent.slice(3, 35));
    }
    app.child.kill('SIGTERM');
    const exit = await app.exited;
    expect(exit, app.output()).toEqual({ code: 0, signal: null });

    const written = app
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Line);
    const access = written.filter((line) => line.msg === 'request completed' && String(line.requestId).startsWith('process-access-'));
    expect(access.map((line) => line.requestId).sort()).toEqual(requests.map((entry) => entry.id).sort());
    for (const line of access) expect(line.traceId).toBe(traces.get(String(line.requestId)));
    expect(written.some((line) => line.msg === 'incoming request')).toBe(false);
    // The very last line written, after the database closed, is there too.
    expect(written.at(-1)?.msg).toBe('shutdown complete');
  });
});
