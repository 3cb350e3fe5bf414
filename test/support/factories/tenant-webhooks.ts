import { execFileSync } from 'node:child_process';
import dns, { type LookupAddress } from 'node:dns';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getModelToken } from '@nestjs/mongoose';
import type { INestApplicationContext } from '@nestjs/common';
import type { Model } from 'mongoose';
import { expect, vi } from 'vitest';
import { AppModule } from '../../../src/app.module.js';
import { TenantWebhooksModule } from '../../../src/modules/tenant-webhooks/index.js';
import { WebhookDelivery } from '../../../src/modules/tenant-webhooks/schemas/webhook-delivery.schema.js';
import { WebhookEndpoint } from '../../../src/modules/tenant-webhooks/schemas/webhook-endpoint.schema.js';
import { WebhookSender } from '../../../src/modules/tenant-webhooks/webhook-sender.js';
import type { TestApp } from '../app.js';
import { bearer } from '../auth.js';

type Caller = { accessToken: string };

export const webhookEndpointModel = (app: INestApplicationContext) => app.get<Model<WebhookEndpoint>>(getModelToken(WebhookEndpoint.name));
export const webhookDeliveryModel = (app: INestApplicationContext) => app.get<Model<WebhookDelivery>>(getModelToken(WebhookDelivery.name));

/** The application under test with the tenant webhooks module in it (a no-op when app.module.ts already registers it). */
export function includeTenantWebhooks(): void {
  const register = AppModule.register.bind(AppModule);
  AppModule.register = () => {
    const registered = register();
    if (!registered.imports?.includes(TenantWebhooksModule)) registered.imports = [...(registered.imports ?? []), TenantWebhooksModule];
    return registered;
  };
}

export interface TestCertificate {
  key: string;
  cert: string;
  /** The certificate's file, to trust as a CA (TENANT_WEBHOOKS_EXTRA_CA_FILE). */
  certFile: string;
}

/** A self-signed certificate for `*.example.com`, made by openssl now; undefined (with the reason) when openssl is missing. */
export function testCertificate(): TestCertificate | { missing: string } {
  const dir = mkdtempSync(join(tmpdir(), 'webhooks-cert-'));
  const [keyFile, certFile] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '2',
        '-keyout',
        keyFile,
        '-out',
        certFile,
        '-subj',
        '/CN=hooks.example.com',
        '-addext',
        'subjectAltName=DNS:*.example.com,DNS:hooks.example.com',
        '-addext',
        'basicConstraints=critical,CA:TRUE',
      ],
      { stdio: 'ignore', timeout: 30_000 },
    );
  } catch (error) {
    return { missing: `openssl could not make a test certificate: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8'), certFile };
}

export interface ReceivedWebhook {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** The body exactly as received, for recomputing the signature. */
  rawBody: string;
}

export interface Receiver {
  port: number;
  received: ReceivedWebhook[];
  /** The status the next requests get, in order; then `then` for every later one. */
  answer(statuses: number[], then?: number): void;
  close(): Promise<void>;
}

/** A real HTTPS server on loopback that records every POST and answers the statuses it is told. */
export async function startReceiver(certificate: TestCertificate): Promise<Receiver> {
  const received: ReceivedWebhook[] = [];
  let queue: number[] = [];
  let fallback = 200;
  const server: Server = createServer({ key: certificate.key, cert: certificate.cert }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ path: request.url ?? '', headers: request.headers, rawBody: Buffer.concat(chunks).toString('utf8') });
      const status = queue.shift() ?? fallback;
      response.writeHead(status, { 'content-type': 'text/plain' });
      response.end(status < 300 ? 'ok' : `receiver says ${status}`);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    port: (server.address() as AddressInfo).port,
    received,
    answer: (statuses, then = 200) => {
      queue = [...statuses];
      fallback = then;
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** Makes the names under `.example.com` that `matches` accepts resolve to loopback, as a receiver's DNS would point at its server. */
export function pointAtLoopback(matches: (hostname: string) => boolean): void {
  const system = dns.lookup;
  vi.spyOn(dns, 'lookup').mockImplementation(((hostname: string, options: unknown, callback: unknown) => {
    if (!matches(hostname)) return (system as (...args: unknown[]) => void)(hostname, options, callback);
    const answer: LookupAddress[] = [{ address: '127.0.0.1', family: 4 }];
    const all = typeof options === 'object' && options !== null && (options as { all?: boolean }).all;
    const done = (typeof options === 'function' ? options : callback) as (...args: unknown[]) => void;
    if (all) done(null, answer);
    else done(null, '127.0.0.1', 4);
  }) as typeof dns.lookup);
}

/** An endpoint registered through the API by a manager; answers its body (with the secret, shown this once). */
export async function createEndpoint(
  t: TestApp,
  manager: Caller,
  tenantId: string,
  input: Record<string, unknown>,
): Promise<{ id: string; secret: string; url: string; events: string[] } & Record<string, unknown>> {
  const response = await t.http().post(`/api/tenants/${tenantId}/webhooks`).set(bearer(manager)).send(input);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

/** Waits until the background sends of this instance are done. */
export const sendsSettled = (app: INestApplicationContext) => app.get(WebhookSender).settled();

/** Makes a pending delivery due now, as if its backoff had gone by. */
export async function makeDue(app: INestApplicationContext, deliveryId: string): Promise<void> {
  const { Types } = await import('mongoose');
  await webhookDeliveryModel(app)
    .updateOne({ _id: new Types.ObjectId(deliveryId), status: 'pending' }, { $set: { nextAttemptAt: new Date(Date.now() - 1000) } })
    .setOptions({ acrossTenants: true });
}
