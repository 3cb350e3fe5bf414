import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createRootLogger } from './logger.js';
import { requestContext } from './request-context.js';

describe('root logger', () => {
  it('stamps the current request id on lines written inside a request', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createRootLogger('info', sink);
    await requestContext.run({ requestId: 'req-42' }, async () => {
      await Promise.resolve();
      logger.info('inside');
    });
    logger.info('outside');
    const [inside, outside] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(inside).toMatchObject({ msg: 'inside', requestId: 'req-42', level: 'info' });
    expect(outside.requestId).toBeUndefined();
  });

  it('redacts credentials', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    createRootLogger('info', sink).info({ req: { headers: { authorization: 'Bearer secret' } } }, 'request');
    expect(lines[0]).not.toContain('secret');
  });
});
