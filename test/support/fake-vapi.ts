import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeVapiRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

export interface FakeVapiAnswer {
  status: number;
  body: unknown;
}

/**
 * Vapi's REST API as far as placing a call goes, on a local port: it records every request and answers
 * `POST /call` with a queued call of a fresh id, as Vapi does, unless a test sets another answer.
 */
export class FakeVapi {
  readonly requests: FakeVapiRequest[] = [];
  answer: (request: FakeVapiRequest) => FakeVapiAnswer = () => ({
    status: 201,
    body: { id: `vapi-call-${this.requests.length}`, orgId: 'org-test', type: 'outboundPhoneCall', status: 'queued' },
  });
  private readonly server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const recorded = {
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body: text ? JSON.parse(text) : {},
      };
      this.requests.push(recorded);
      const { status, body } = this.answer(recorded);
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
