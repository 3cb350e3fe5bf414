// What the benchmark and the soak share: the production-like environment Atrium runs in, the seed, waiting for a
// server, signing in, and writing a results file named so the newest is found by name.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** A run's timestamp, safe in a file name and sorting as time does. */
export const runStamp = () => new Date().toISOString().replace(/[:.]/g, '-');

/**
 * Atrium as `start:prod` runs it, with secrets of its own (production refuses the published ones). One client
 * address sends everything, so the limits are set out of reach: what is measured is their cost, not their refusals.
 */
export function productionEnv(database, overrides = {}) {
  return {
    ...process.env,
    MONGODB_URI: database.uri,
    JWT_SECRET: randomBytes(32).toString('base64url'),
    STRIPE_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString('hex')}`,
    VAPI_WEBHOOK_SECRET: randomBytes(24).toString('hex'),
    // Metrics on, as a deployment scraped by Prometheus runs.
    METRICS_TOKEN: process.env.BENCH_NO_METRICS ? '' : randomBytes(32).toString('base64url'),
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    AUTH_RATE_LIMIT_PER_MINUTE: '100000000',
    PUBLIC_RATE_LIMIT_PER_MINUTE: '100000000',
    USER_RATE_LIMIT_PER_MINUTE: process.env.USER_RATE_LIMIT_PER_MINUTE ?? '100000000',
    ...overrides,
  };
}

/**
 * `npm run seed` into the run's database. Not execFileSync: the stand-in runs in this process's care, and a blocked
 * event loop stops draining its output, so a chatty stand-in would stall on a full pipe.
 */
export async function seed(env, { users, tickets }) {
  console.log(`[seed] ${users} users, ${tickets} support tickets`);
  const child = spawn('node', [join(root, 'dist/cli/seed.js'), '--users', String(users), '--tickets', String(tickets)], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const status = await new Promise((resolve) => child.once('exit', resolve));
  if (status !== 0) throw new Error(`the seed failed (exit ${status})`);
}

/** Resolves once `url` answers 2xx; fails when the process exits first or after two minutes. */
export async function waitUntilReady(url, child, name) {
  let exited = false;
  child.once('exit', () => (exited = true));
  for (let attempt = 0; attempt < 480; attempt++) {
    if (exited) break;
    const ready = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} did not become ready`);
}

/** Signs a seeded account in (every seeded account has the demo password). */
export async function loginAs(base, email) {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'atrium-demo-password' }),
  });
  if (!response.ok) throw new Error(`login ${email}: ${response.status}`);
  return response.json();
}

function commitOf() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return 'unknown'; // not a git checkout
  }
}

/** Writes bench/results/<prefix><stamp>-<commit>.json with the machine it ran on; answers the path from the root. */
export function writeResults(prefix, stamp, data) {
  const commit = commitOf();
  const file = join(root, 'bench', 'results', `${prefix}${stamp}-${commit}.json`);
  mkdirSync(dirname(file), { recursive: true });
  const machine = {
    platform: `${os.platform()} ${os.release()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  };
  writeFileSync(file, JSON.stringify({ commit, date: new Date().toISOString(), node: process.version, machine, ...data }, null, 2) + '\n');
  return file.replace(root + '/', '');
}
