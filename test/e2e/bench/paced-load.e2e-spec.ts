import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

type Request = { method: string; path: string; headers?: Record<string, string>; body?: string };
type Result = { p50: number; p99: number; errors: number; non2xx: number; total: number; answered: number; seconds: number };
type PacedLoad = (
  base: string,
  request: Request | (() => Request),
  options: { rate: number; duration: number; connections: number },
) => Promise<Result>;

let pacedLoad: PacedLoad;
let server: Server | undefined;

beforeAll(async () => {
  ({ pacedLoad } = (await import(pathToFileURL(join(process.cwd(), 'bench', 'paced-load.mjs')).href)) as { pacedLoad: PacedLoad });
});

afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

async function serve(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('the bench’s fixed-rate load', () => {
  it('spreads its requests over the second instead of sending them as it begins', async () => {
    const arrivals: number[] = [];
    const base = await serve((request, response) => {
      arrivals.push(performance.now());
      response.writeHead(204).end();
    });
    const result = await pacedLoad(base, { method: 'GET', path: '/' }, { rate: 200, duration: 1, connections: 20 });
    expect(result).toMatchObject({ total: 200, errors: 0, non2xx: 0 });
    expect(arrivals).toHaveLength(200);
    // Evenly spaced, about half arrive in the first half second; a per-second burst would bring them all at once.
    const firstHalf = arrivals.filter((at) => at - arrivals[0] < 500).length;
    expect(firstHalf).toBeLessThan(185);
    expect(firstHalf).toBeGreaterThan(20);
  });

  it('counts each latency from the moment its request was due, so a stall shows in every request it held back', async () => {
    let first: number | undefined;
    const base = await serve((_request, response) => {
      first ??= performance.now();
      // The server answers nothing for 300 ms, half a second in: over one socket, every request due then waits.
      const since = performance.now() - first;
      const hold = since > 500 && since < 800 ? 800 - since : 0;
      setTimeout(() => response.writeHead(200).end('{}'), hold);
    });
    const result = await pacedLoad(base, { method: 'GET', path: '/' }, { rate: 200, duration: 2, connections: 1 });
    expect(result.total).toBe(400);
    expect(result.errors).toBe(0);
    // About 60 of the 400 requests fall due during the stall, so well over 1 % waited for most of it.
    expect(result.p99).toBeGreaterThan(150);
    expect(result.p50).toBeLessThan(result.p99);
  });

  it('draws each request from a function, and counts refusals and requests without an answer as errors', async () => {
    const paths: string[] = [];
    const base = await serve((request, response) => {
      paths.push(request.url ?? '');
      if (request.url === '/gone') return request.socket.destroy();
      response.writeHead(request.url === '/refused' ? 503 : 200).end();
    });
    let drawn = 0;
    const next = (): Request => {
      drawn++;
      if (drawn % 10 === 0) return { method: 'POST', path: '/refused', body: '{}' };
      return { method: 'GET', path: drawn % 25 === 1 ? '/gone' : '/fine' };
    };
    const result = await pacedLoad(base, next, { rate: 100, duration: 1, connections: 5 });
    expect(result.total).toBe(100);
    expect(drawn).toBe(100);
    const gone = paths.filter((path) => path === '/gone').length;
    expect(gone).toBe(4);
    expect(result.non2xx).toBe(10);
    expect(result.errors).toBe(10 + gone);
  });
});
