import type { LookupAddress, LookupOptions } from 'node:dns';
import { request } from 'node:https';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboundUrlRefused } from './outbound-url.js';
import { createSafeLookup, PublicHttpsAgent, type Resolver } from './safe-agent.js';

const answering =
  (...answers: LookupAddress[][]): Resolver =>
  (_hostname, _options, callback) =>
    callback(null, answers.length > 1 ? answers.shift()! : answers[0]);

function lookupWith(resolver: Resolver, hostname: string, options: LookupOptions = { all: true }) {
  return new Promise<{ error: Error | null; address: string | LookupAddress[] }>((done) =>
    createSafeLookup(resolver)(hostname, options, (error, address) => done({ error, address })),
  );
}

describe('safe lookup', () => {
  it('passes public answers through, as a list or as the first address', async () => {
    const resolver = answering([
      { address: '142.250.0.1', family: 4 },
      { address: '2a00:1450::1', family: 6 },
    ]);
    expect((await lookupWith(resolver, 'push.example.com')).address).toHaveLength(2);
    expect(await lookupWith(resolver, 'push.example.com', {})).toEqual({ error: null, address: '142.250.0.1' });
  });

  it.each([
    [[{ address: '127.0.0.1', family: 4 }], 'loopback'],
    [[{ address: '::1', family: 6 }], 'loopback'],
    [[{ address: '169.254.169.254', family: 4 }], 'link-local'],
    [[{ address: '::ffff:10.0.0.7', family: 6 }], 'private'],
    // One forbidden answer among public ones is enough to refuse.
    [
      [
        { address: '142.250.0.1', family: 4 },
        { address: '192.168.0.10', family: 4 },
      ],
      'private',
    ],
  ])('refuses a name that resolves to %j', async (addresses, reason) => {
    const { error } = await lookupWith(answering(addresses), 'push.example.com');
    expect(error).toBeInstanceOf(OutboundUrlRefused);
    expect((error as OutboundUrlRefused).reason).toContain(reason);
  });

  it('checks every resolution, so a name that rebinds to loopback is refused on the next connection', async () => {
    const lookup = answering([{ address: '142.250.0.1', family: 4 }], [{ address: '127.0.0.1', family: 4 }]);
    expect((await lookupWith(lookup, 'rebind.example.com')).error).toBeNull();
    expect((await lookupWith(lookup, 'rebind.example.com')).error).toBeInstanceOf(OutboundUrlRefused);
  });
});

describe('public https agent', () => {
  let server: Server;
  let port: number;
  let connections = 0;
  beforeAll(async () => {
    server = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  const send = (url: string, agent: PublicHttpsAgent) =>
    new Promise<Error>((done) => {
      const req = request(url, { agent, method: 'POST' }, () => done(new Error('answered')));
      req.on('error', done);
      req.end('payload');
    });

  it.each(['https://localhost:PORT/push', 'https://127.0.0.1:PORT/push', 'https://[::ffff:127.0.0.1]:PORT/push'])(
    'never connects to %s',
    async (template) => {
      const error = await send(template.replace('PORT', String(port)), new PublicHttpsAgent());
      expect(error).toBeInstanceOf(OutboundUrlRefused);
      expect(connections).toBe(0);
    },
  );

  it('never connects when the resolver maps a public-looking name to loopback', async () => {
    const agent = new PublicHttpsAgent({}, answering([{ address: '127.0.0.1', family: 4 }]));
    const error = await send(`https://push.example.com:${port}/push`, agent);
    expect((error as OutboundUrlRefused).reason).toContain('push.example.com resolves to 127.0.0.1');
    expect(connections).toBe(0);
  });

  it('refuses Unix sockets', async () => {
    const error = await new Promise<Error>((done) => {
      const req = request({ socketPath: '/var/run/docker.sock', path: '/', agent: new PublicHttpsAgent() }, () =>
        done(new Error('answered')),
      );
      req.on('error', done);
      req.end();
    });
    expect(error).toBeInstanceOf(OutboundUrlRefused);
  });
});
