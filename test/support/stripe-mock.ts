import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import Stripe from 'stripe';
import { freePort } from '../../src/core/database/mongo-standin.js';

export interface RunningStripeMock {
  url: string;
  stop(): Promise<void>;
}

/** stripe-mock (Stripe's own API fake) from the Go module proxy: found on the machine or installed once. */
function stripeMockBinary(): string | undefined {
  const candidates = [process.env.STRIPE_MOCK_BIN, join(process.env.GOPATH ?? join(homedir(), 'go'), 'bin', 'stripe-mock')];
  const found = candidates.find((candidate) => candidate && existsSync(candidate));
  if (found) return found;
  try {
    execFileSync('go', ['install', 'github.com/stripe/stripe-mock@latest'], { stdio: 'ignore', timeout: 300_000 });
  } catch {
    return undefined;
  }
  return candidates.find((candidate) => candidate && existsSync(candidate));
}

export const STRIPE_MOCK_MISSING = 'stripe-mock is not installed and `go install github.com/stripe/stripe-mock@latest` failed';

/** Starts stripe-mock on loopback; undefined when it cannot be had (tests then skip with STRIPE_MOCK_MISSING). */
export async function startStripeMock(): Promise<RunningStripeMock | undefined> {
  const binary = stripeMockBinary();
  if (!binary) return undefined;
  const port = await freePort();
  const child: ChildProcess = spawn(binary!, ['-http-addr', `127.0.0.1:${port}`], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt++) {
    if (
      await fetch(`${url}/v1/customers`, { headers: { authorization: 'Bearer sk_test_123' } })
        .then((r) => r.ok)
        .catch(() => false)
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

const verifier = new Stripe('sk_test_signature_helper');

/** A Stripe event as Stripe would deliver it: JSON payload and a Stripe-Signature header. */
export function signedEvent(
  secret: string,
  type: string,
  object: Record<string, unknown>,
  options: { id?: string; timestamp?: number } = {},
) {
  const payload = JSON.stringify({
    id: options.id ?? `evt_${Math.random().toString(36).slice(2)}${Date.now()}`,
    object: 'event',
    type,
    api_version: '2025-01-27',
    created: Math.floor(Date.now() / 1000),
    data: { object },
  });
  const signature = verifier.webhooks.generateTestHeaderString({ payload, secret, timestamp: options.timestamp });
  return { payload, signature };
}
