import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { RawConnection, type RawResponse } from '../../support/raw-http.js';

/** What Node's HTTP parser refuses before a request exists, and clients that never finish sending. */
describe('HTTP server limits', () => {
  const TIMEOUT_MS = 500;
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    process.env.REQUEST_TIMEOUT_MS = String(TIMEOUT_MS);
    process.env.HEADERS_TIMEOUT_MS = String(TIMEOUT_MS);
    t = await startTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.getHttpServer().address() as { port: number }).port;
  });
  afterAll(() => t?.close());

  function expectProblem(response: RawResponse, status: number, type: string) {
    expect(response.status, response.body).toBe(status);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.headers.connection).toBe('close');
    const body = JSON.parse(response.body) as Record<string, unknown>;
    expect(body).toMatchObject({ status, type: `urn:atrium:problem:${type}`, title: expect.any(String) });
    expect(body.requestId).toBe(response.headers['x-request-id']);
  }

  const stillServing = async () => expect((await t.http().get('/api/health/live')).status).toBe(200);

  it('answers headers over the limit with 431 problem+json', async () => {
    const connection = await RawConnection.open(port);
    connection.write(`GET /api/health/live HTTP/1.1\r\nHost: atrium\r\nX-Padding: ${'a'.repeat(20 * 1024)}\r\n\r\n`);
    expectProblem(await connection.nextResponse(), 431, 'headers-too-large');
    await connection.closed;
    await stillServing();
  });

  it('answers a malformed request line with 400 problem+json', async () => {
    const connection = await RawConnection.open(port);
    connection.write('THIS IS NOT HTTP\r\n\r\n');
    expectProblem(await connection.nextResponse(), 400, 'malformed-request');
    await connection.closed;
    await stillServing();
  });

  it('answers a body that never finishes with 408 and closes the connection within the request timeout', async () => {
    const connection = await RawConnection.open(port);
    const sent = Date.now();
    connection.write(
      'POST /api/auth/login HTTP/1.1\r\nHost: atrium\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"email":"',
    );
    expectProblem(await connection.nextResponse(), 408, 'request-timeout');
    await connection.closed;
    // The configured timeout, plus one connection check (a quarter of it), plus scheduling slack.
    expect(Date.now() - sent).toBeLessThan(TIMEOUT_MS * 2 + 500);
    await stillServing();
  });

  it('answers headers that never finish with 408 within the header timeout', async () => {
    const connection = await RawConnection.open(port);
    const sent = Date.now();
    connection.write('GET /api/health/live HTTP/1.1\r\nHost: atrium\r\nX-Slow: ');
    expectProblem(await connection.nextResponse(), 408, 'request-timeout');
    await connection.closed;
    expect(Date.now() - sent).toBeLessThan(TIMEOUT_MS * 2 + 500);
    await stillServing();
  });
});
