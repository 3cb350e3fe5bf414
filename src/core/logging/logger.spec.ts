import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createRootLogger } from './logger.js';
import { requestContext } from './request-context.js';

function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { sink, lines, parsed: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('root logger', () => {
  it('stamps the current request and trace ids on lines written inside a request, and nothing outside', async () => {
    const { sink, parsed } = capture();
    const logger = createRootLogger('info', sink);
    await requestContext.run({ requestId: 'req-42', traceId: '4bf92f3577b34da6a3ce929d0e0e4736' }, async () => {
      await Promise.resolve();
      logger.info('inside');
    });
    logger.info('outside');
    logger.info({ detail: 1 }, 'outside again');
    const [inside, outside, again] = parsed();
    expect(inside).toMatchObject({ msg: 'inside', requestId: 'req-42', traceId: '4bf92f3577b34da6a3ce929d0e0e4736', level: 'info' });
    expect(outside.requestId).toBeUndefined();
    expect(outside.traceId).toBeUndefined();
    expect(again).toMatchObject({ detail: 1 });
    expect(again.requestId).toBeUndefined();
  });

  it('lets the fields a caller logs win over the request context, each key written once', () => {
    const { sink, lines } = capture();
    const logger = createRootLogger('info', sink);
    requestContext.run({ requestId: 'from-context', traceId: 'a'.repeat(32) }, () => logger.info({ requestId: 'explicit' }, 'line'));
    expect(lines[0].match(/"requestId"/g)).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ requestId: 'explicit', traceId: 'a'.repeat(32) });
  });

  it('redacts credentials', () => {
    const { sink, lines } = capture();
    createRootLogger('info', sink).info({ req: { headers: { authorization: 'Bearer secret' } } }, 'request');
    expect(lines[0]).not.toContain('secret');
  });
});
