import Fastify from 'fastify';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AccessLogController } from './access-log.js';
import { createRootLogger } from './logger.js';

/** A bare Fastify server with the access log wired as the application wires it. */
async function serverWritingInto(lines: Record<string, unknown>[], level = 'debug') {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  const logger = createRootLogger(level, sink);
  const server = Fastify({ loggerInstance: logger, childLoggerFactory: () => logger, logController: new AccessLogController(logger) });
  server.get('/api/things/:id', async (request, reply) =>
    reply.code(Number((request.query as { status?: string }).status ?? 200)).send({ ok: true }),
  );
  server.get('/api/health/ready', async (_request, reply) => reply.code(503).send({ status: 'error' }));
  server.get('/api/healthy-things', async () => ({ ok: true }));
  await server.ready();
  return server;
}

describe('access line level', () => {
  it('is info for answered requests, 4xx included, and error for 5xx', async () => {
    const lines: Record<string, unknown>[] = [];
    const server = await serverWritingInto(lines);
    for (const status of [200, 404, 429, 500, 503]) await server.inject({ url: `/api/things/1?status=${status}` });
    expect(lines.map((line) => [line.status, line.level])).toEqual([
      [200, 'info'],
      [404, 'info'],
      [429, 'info'],
      [500, 'error'],
      [503, 'error'],
    ]);
    expect(lines.every((line) => line.route === '/api/things/:id' && line.msg === 'request completed')).toBe(true);
    await server.close();
  });

  it('is debug for health probes whatever their status, and only for routes under /api/health', async () => {
    const lines: Record<string, unknown>[] = [];
    const server = await serverWritingInto(lines);
    await server.inject({ url: '/api/health/ready' });
    await server.inject({ url: '/api/healthy-things' });
    await server.inject({ url: '/api/health/unknown' });
    expect(lines.map((line) => [line.route, line.status, line.level])).toEqual([
      ['/api/health/ready', 503, 'debug'],
      ['/api/healthy-things', 200, 'info'],
      // Unmatched: not a probe, whatever its path says.
      ['/api/health/unknown', 404, 'info'],
    ]);
    await server.close();
  });

  it('writes nothing for probes above debug', async () => {
    const lines: Record<string, unknown>[] = [];
    const server = await serverWritingInto(lines, 'info');
    await server.inject({ url: '/api/health/ready' });
    await server.inject({ url: '/api/things/1' });
    expect(lines.map((line) => line.route)).toEqual(['/api/things/:id']);
    await server.close();
  });
});
