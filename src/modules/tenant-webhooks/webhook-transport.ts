import { Logger } from '@nestjs/common';
import dns from 'node:dns';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { rootCertificates } from 'node:tls';
import { assertPublicHttpsUrl, publicHttpsAgent } from '../../core/net/index.js';
import { TenantWebhooksConfig } from './tenant-webhooks.config.js';

/** The longest piece of a receiver's answer kept with an attempt. */
export const RESPONSE_EXCERPT_BYTES = 1024;

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

export interface WebhookResponse {
  statusCode: number;
  /** The first RESPONSE_EXCERPT_BYTES of the body, as text. */
  excerpt: string;
}

/**
 * Sends one delivery's POST. Resolves with the receiver's status, whatever it is (redirects are not
 * followed: a 3xx is an answer like any other non-2xx); rejects on a refused target, a network error or
 * the timeout.
 */
export interface WebhookTransport {
  post(request: WebhookRequest): Promise<WebhookResponse>;
}

export const WEBHOOK_TRANSPORT = Symbol('WEBHOOK_TRANSPORT');

/**
 * The real transport: node's https client through the public-only agent, so a registered name whose
 * DNS answer now points into private space is refused at connect time. The URL passes the outbound
 * policy again before every attempt (a row may predate the policy).
 */
export class HttpsWebhookTransport implements WebhookTransport {
  constructor(private readonly agent: Agent = publicHttpsAgent()) {}

  post({ url, headers, body, timeoutMs }: WebhookRequest): Promise<WebhookResponse> {
    return new Promise((resolve, reject) => {
      // Inside the promise: a refused URL is a rejection like any network error.
      const target = assertPublicHttpsUrl(url);
      const outgoing = request(
        target,
        {
          method: 'POST',
          agent: this.agent,
          headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          timeout: timeoutMs,
        },
        (response) => {
          const chunks: Buffer[] = [];
          let kept = 0;
          const done = () =>
            resolve({
              statusCode: response.statusCode ?? 0,
              excerpt: Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES).toString('utf8'),
            });
          response.on('data', (chunk: Buffer) => {
            if (kept >= RESPONSE_EXCERPT_BYTES) return;
            chunks.push(chunk);
            kept += chunk.length;
            // Enough read: the rest of a large answer is not worth the wait.
            if (kept >= RESPONSE_EXCERPT_BYTES) {
              done();
              response.destroy();
            }
          });
          response.on('end', done);
          response.on('error', (error) => (kept >= RESPONSE_EXCERPT_BYTES ? undefined : reject(error)));
        },
      );
      // The whole attempt, not only idle time: a receiver trickling bytes still ends at the deadline.
      const deadline = setTimeout(() => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      outgoing.on('error', reject);
      outgoing.on('close', () => clearTimeout(deadline));
      outgoing.end(body);
    });
  }
}

/**
 * The agent for tests (TENANT_WEBHOOKS_ALLOW_PRIVATE_TARGETS): any address, and the test's CA trusted
 * besides the system roots. The lookup is read at call time, so a test can point a public-looking name at
 * its own server.
 */
export function privateTargetsAgent(config: TenantWebhooksConfig): Agent {
  const extra = config.TENANT_WEBHOOKS_EXTRA_CA_FILE ? [readFileSync(config.TENANT_WEBHOOKS_EXTRA_CA_FILE, 'utf8')] : [];
  return new Agent({
    keepAlive: false,
    ca: [...rootCertificates, ...extra],
    lookup: (hostname, options, callback) => dns.lookup(hostname, options, callback),
  });
}

/** The transport the configuration asks for: public targets only, unless a test lets private ones in. */
export const webhookTransportProvider = {
  provide: WEBHOOK_TRANSPORT,
  inject: [TenantWebhooksConfig],
  useFactory: (config: TenantWebhooksConfig): WebhookTransport => {
    if (!config.TENANT_WEBHOOKS_ALLOW_PRIVATE_TARGETS) return new HttpsWebhookTransport();
    new Logger('TenantWebhooks').warn('deliveries may reach private addresses (TENANT_WEBHOOKS_ALLOW_PRIVATE_TARGETS)');
    return new HttpsWebhookTransport(privateTargetsAgent(config));
  },
};
