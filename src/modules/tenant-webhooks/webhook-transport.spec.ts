import { createServer, type AddressInfo, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboundUrlRefused, PublicHttpsAgent, type Resolver } from '../../core/net/index.js';
import { HttpsWebhookTransport } from './webhook-transport.js';

/** A resolver whose every answer is loopback: a registered public name rebound to this host. */
const rebound: Resolver = (_hostname, _options, callback) => callback(null, [{ address: '127.0.0.1', family: 4 }]);

describe('https webhook transport (public targets only)', () => {
  let server: Server;
  let port: number;
  let connections = 0;
  beforeAll(async () => {
    // Stands for an internal service on this host: it must never see a connection.
    server = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  const post = (url: string, transport = new HttpsWebhookTransport(new PublicHttpsAgent({}, rebound))) =>
    transport.post({ url, headers: {}, body: '{}', timeoutMs: 2000 });

  it('refuses at connect time a public name whose DNS answer points at loopback, and never connects', async () => {
    await expect(post(`https://hooks.example.com:${port}/hook`)).rejects.toBeInstanceOf(OutboundUrlRefused);
    expect(connections).toBe(0);
  });

  it.each(['https://127.0.0.1:PORT/hook', 'https://localhost:PORT/hook', 'http://hooks.example.com:PORT/hook'])(
    'refuses %s before any connection (a row stored before the policy)',
    async (template) => {
      await expect(post(template.replace('PORT', String(port)))).rejects.toBeInstanceOf(OutboundUrlRefused);
      expect(connections).toBe(0);
    },
  );
});
