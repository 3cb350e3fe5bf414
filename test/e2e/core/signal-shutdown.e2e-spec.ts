import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppProcess, type AppProcess } from '../../support/app-process.js';
import { uniqueEmail } from '../../support/auth.js';
import { RawConnection } from '../../support/raw-http.js';

/** SIGTERM on the real process: drain quickly, answer what was read, exit 0. */
describe('shutdown on a signal', () => {
  let drained: AppProcess;
  let graced: AppProcess;
  // Both processes boot at once, before the tests: a boot from the sources takes a while on a busy machine.
  beforeAll(async () => {
    [drained, graced] = await Promise.all([startAppProcess(), startAppProcess({ SHUTDOWN_GRACE_MS: '1000' })]);
  });
  afterAll(async () => {
    await Promise.all([drained?.kill(), graced?.kill()]);
  });

  async function signIn(base: string) {
    const credentials = { email: uniqueEmail(), password: 'long enough pass' };
    const registered = await fetch(`${base}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', connection: 'close' },
      body: JSON.stringify(credentials),
    });
    expect(registered.status, await registered.clone().text()).toBe(201);
    return JSON.stringify(credentials);
  }

  /** A sign-in whose headers the server has read (it answered 100 Continue) and whose body is still to come. */
  async function readButUnfinished(port: number, body: string): Promise<RawConnection> {
    const connection = await RawConnection.open(port);
    connection.write(
      'POST /api/auth/login HTTP/1.1\r\nHost: atrium\r\nConnection: keep-alive\r\nContent-Type: application/json\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\n\r\n`,
    );
    const interim = await connection.nextResponse();
    expect(interim.status, interim.body).toBe(100);
    return connection;
  }

  async function idleKeepAlive(port: number): Promise<RawConnection> {
    const connection = await RawConnection.open(port);
    connection.write('GET /api/health/live HTTP/1.1\r\nHost: atrium\r\nConnection: keep-alive\r\n\r\n');
    const answer = await connection.nextResponse();
    expect(answer.status, answer.body).toBe(200);
    expect(answer.headers.connection, JSON.stringify(answer.headers)).toBe('keep-alive');
    return connection;
  }

  it('answers every request already read with Connection: close, closes idle sockets and exits 0 within 5 s', async () => {
    const app = drained;
    const body = await signIn(app.base);
    const inFlight = await Promise.all([1, 2, 3].map(() => readButUnfinished(app.port, body)));
    const idle = await Promise.all([1, 2].map(() => idleKeepAlive(app.port)));

    const signalled = Date.now();
    app.child.kill('SIGTERM');
    // The server has started draining once it drops the idle keep-alive sockets.
    await Promise.all(idle.map((connection) => connection.closed));
    for (const connection of inFlight) connection.write(body);
    const answers = await Promise.all(inFlight.map((connection) => connection.nextResponse()));

    for (const answer of answers) {
      expect(answer.status, answer.body).toBe(200);
      expect(answer.headers.connection).toBe('close');
      expect(JSON.parse(answer.body).accessToken).toBeTruthy();
    }
    await Promise.all(inFlight.map((connection) => connection.closed));
    const exit = await app.exited;
    expect(exit, app.output()).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalled).toBeLessThan(5_000);
    expect(app.output()).toContain('SIGTERM received');
  });

  it('closes what is still open when SHUTDOWN_GRACE_MS is over and still exits 0', async () => {
    const app = graced;
    const body = await signIn(app.base);
    // Its body never comes: only the grace period ends it.
    const stuck = await readButUnfinished(app.port, body);

    const signalled = Date.now();
    app.child.kill('SIGTERM');
    await stuck.closed;
    const exit = await app.exited;
    expect(exit, app.output()).toEqual({ code: 0, signal: null });
    // The grace period plus the time to close the database, far below the request timeout (30 s).
    expect(Date.now() - signalled).toBeLessThan(5_000);
    expect(Date.now() - signalled).toBeGreaterThanOrEqual(1_000);
  });
});
