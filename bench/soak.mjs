// `npm run soak -- --minutes 10`: Atrium (built, as `start:prod` runs it) under a steady mixed read/write load at
// a fixed arrival rate for many minutes, to see whether latency, errors or memory drift. Prints one line a minute
// and a summary, and writes bench/results/soak-<stamp>-<commit>.json. Reported, never asserted; not run in CI.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { setInterval, clearInterval } from 'node:timers';
import { parseArgs } from 'node:util';
import { MongoClient } from 'mongodb';
import { resolveDatabase } from '../dist/core/database/database-target.js';
import { freePort } from '../dist/core/database/mongo-standin.js';
import { pacedLoad } from './paced-load.mjs';
import { loginAs, productionEnv, root, runStamp, seed, waitUntilReady, writeResults } from './harness.mjs';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    rate: { type: 'string', default: '500' },
    connections: { type: 'string', default: '100' },
    users: { type: 'string', default: '5000' },
    tickets: { type: 'string', default: '1000' },
  },
});
const minutes = Number(values.minutes);
const rate = Number(values.rate);
const connections = Number(values.connections);
for (const [flag, value] of Object.entries({ minutes, rate, connections })) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${flag} takes a whole number of at least 1`);
}
const MiB = 2 ** 20;
// The verdict's rule: over the last (up to) five minutes, RSS grows by less than this per minute.
const FLAT_SLOPE_MIB_PER_MINUTE = 1;
const SAMPLE_EVERY_MS = 5_000;

// The workload, by weight out of 100. Registration hashes a password (argon2), so it stays at 1 %.
const MIX = [
  ['get user by id', 49],
  ['notifications list', 20],
  ['notifications unread count', 10],
  ['support queue', 10],
  ['create support ticket', 5],
  ['create payment intent', 5],
  ['register', 1],
];

const stamp = runStamp();
// A database of its own, dropped at the end: the writes of a long run do not pile up anywhere.
const DB_NAME = `atrium_soak_${stamp.replace(/-/g, '').slice(0, 15)}`;
const dataDir = mkdtempSync(join(os.tmpdir(), 'atrium-soak-'));

const database = await resolveDatabase({ uri: process.env.MONGODB_URI, log: (line) => console.log(`[database] ${line}`) });
console.log(`[database] ${database.description}`);
const env = productionEnv(database, {
  MONGODB_DB_NAME: DB_NAME,
  DATA_DIR: dataDir,
  LOG_LEVEL: process.env.SOAK_LOG_LEVEL ?? 'warn',
  // The sign-ins at the start must outlive the whole run.
  JWT_ACCESS_TTL_SECONDS: String(minutes * 60 + 3600),
});
await seed(env, values);

const port = await freePort();
const api = spawn('node', [join(root, 'dist/main.js')], {
  env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const base = `http://127.0.0.1:${port}`;
let exited = false;
api.once('exit', () => (exited = true));
await waitUntilReady(`${base}/api/health/ready`, api, 'Atrium');

const user = await loginAs(base, 'user@atrium.test');
const staff = await loginAs(base, 'staff@atrium.test');
const users = await (
  await fetch(`${base}/api/users?role=user&limit=100`, { headers: { authorization: `Bearer ${staff.accessToken}` } })
).json();
const userIds = users.items.map((item) => item.id);
if (userIds.length === 0) throw new Error('the seed made no users to read');

// Memory of the API process: RSS from the kernel; heap used from /metrics when that route exists.
const metricsOn =
  (await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${env.METRICS_TOKEN}` } }).then(
    (r) => r.status,
    () => 0,
  )) === 200;
function rssBytes() {
  const line = readFileSync(`/proc/${api.pid}/status`, 'utf8')
    .split('\n')
    .find((candidate) => candidate.startsWith('VmRSS:'));
  return line ? Number(/(\d+)/.exec(line)[1]) * 1024 : undefined;
}
async function heapUsedBytes() {
  if (!metricsOn) return undefined;
  const text = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${env.METRICS_TOKEN}` } }).then(
    (r) => r.text(),
    () => '',
  );
  const match = /^nodejs_heap_size_used_bytes(?:\{[^}]*\})? ([\d.e+]+)/m.exec(text);
  return match ? Number(match[1]) : undefined;
}
const samples = [];
const started = Date.now();
async function sample() {
  const rss = rssBytes();
  if (rss !== undefined) samples.push({ minute: (Date.now() - started) / 60_000, rss, heapUsed: await heapUsedBytes() });
}
await sample();
const sampler = setInterval(() => void sample(), SAMPLE_EVERY_MS);

// Every request is drawn from the mix (a seeded generator, so runs compare).
let state = 42;
const random = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const weighted = MIX.flatMap(([name, weight]) => Array.from({ length: weight }, () => name));
let serial = 0;
const bearer = (token) => ({ authorization: `Bearer ${token}` });
const json = { 'content-type': 'application/json' };
const ticketBody = JSON.stringify({
  subject: 'Invoice shows the wrong company name',
  category: 'billing',
  priority: 'normal',
  message: 'The invoice for March names our former company; could you issue it again with the new name?',
});
function nextRequest() {
  const name = weighted[Math.floor(random() * weighted.length)];
  const read = (path, token) => ({ method: 'GET', path, headers: bearer(token) });
  const write = (path, token, body) => ({ method: 'POST', path, headers: { ...json, ...(token ? bearer(token) : {}) }, body });
  switch (name) {
    case 'get user by id':
      return read(`/api/users/${userIds[Math.floor(random() * userIds.length)]}`, user.accessToken);
    case 'notifications list':
      return read('/api/notifications?page=1&limit=20', user.accessToken);
    case 'notifications unread count':
      return read('/api/notifications/unread-count', user.accessToken);
    case 'support queue':
      return read('/api/support/queue?status=open&limit=20', staff.accessToken);
    case 'create support ticket':
      return write('/api/support/tickets', user.accessToken, ticketBody);
    case 'create payment intent':
      return write('/api/payments/intent', user.accessToken, JSON.stringify({ amount: 1999, currency: 'EUR' }));
    default:
      return write(
        '/api/auth/register',
        undefined,
        JSON.stringify({ email: `soak.${process.pid}.${Date.now()}.${serial++}@example.com`, password: 'soak password 123' }),
      );
  }
}

const mib = (bytes) => (bytes === undefined ? undefined : Number((bytes / MiB).toFixed(1)));
const pad = (value, width) => String(value ?? '-').padStart(width);
console.log(
  `\nSoak: ${rate} req/s for ${minutes} min, ${connections} connections; heap ${metricsOn ? 'from /metrics' : 'not available (/metrics off)'}\n`,
);
console.log(
  `${'min'.padEnd(5)}${pad('requests', 10)}${pad('errors', 8)}${pad('p50', 6)}${pad('p99', 7)}${pad('RSS MiB', 9)}${pad('heap MiB', 10)}`,
);
const rows = [];
for (let minute = 1; minute <= minutes; minute++) {
  const result = await pacedLoad(base, nextRequest, { rate, duration: 60, connections });
  await sample();
  const last = samples.at(-1);
  const row = {
    minute,
    requests: result.answered,
    requestsPerSecond: Math.round(result.answered / result.seconds),
    errors: result.errors,
    non2xx: result.non2xx,
    p50: result.p50,
    p99: result.p99,
    rssMiB: mib(last?.rss),
    heapUsedMiB: mib(last?.heapUsed),
  };
  rows.push(row);
  // Below the asked rate the server (or the database behind it) saturated: latencies then include the queue.
  const short = row.requestsPerSecond < rate * 0.95 ? `  (rate not sustained: ${row.requestsPerSecond} req/s)` : '';
  console.log(
    `${String(minute).padEnd(5)}${pad(row.requests, 10)}${pad(row.errors, 8)}${pad(row.p50, 6)}${pad(row.p99, 7)}${pad(row.rssMiB, 9)}${pad(row.heapUsedMiB, 10)}${short}`,
  );
}
clearInterval(sampler);
api.kill('SIGTERM');
await new Promise((resolve) => (exited ? resolve() : api.once('exit', resolve)));

/** Least-squares slope of RSS (MiB) against time (minutes). */
function slope(points) {
  if (points.length < 2) return undefined;
  const xs = points.map((point) => point.minute);
  const ys = points.map((point) => point.rss / MiB);
  const mean = (list) => list.reduce((sum, value) => sum + value, 0) / list.length;
  const [mx, my] = [mean(xs), mean(ys)];
  const sxx = xs.reduce((sum, x) => sum + (x - mx) ** 2, 0);
  if (sxx === 0) return undefined;
  return xs.reduce((sum, x, i) => sum + (x - mx) * (ys[i] - my), 0) / sxx;
}
const slopeWindow = Math.min(5, minutes);
const end = samples.at(-1)?.minute ?? 0;
const recent = samples.filter((point) => point.minute >= end - slopeWindow);
const rssSlope = slope(recent);
const verdict = rssSlope === undefined ? 'not enough samples' : rssSlope < FLAT_SLOPE_MIB_PER_MINUTE ? 'memory flat' : 'memory grows';
const summary = {
  totalRequests: rows.reduce((sum, row) => sum + row.requests, 0),
  totalErrors: rows.reduce((sum, row) => sum + row.errors, 0),
  lowestRequestsPerSecond: Math.min(...rows.map((row) => row.requestsPerSecond)),
  p99MaxPerMinute: Math.max(...rows.map((row) => row.p99)),
  rssFirstMinuteMiB: rows[0]?.rssMiB,
  rssLastMinuteMiB: rows.at(-1)?.rssMiB,
  heapFirstMinuteMiB: rows[0]?.heapUsedMiB,
  heapLastMinuteMiB: rows.at(-1)?.heapUsedMiB,
  rssSlopeMiBPerMinute: rssSlope === undefined ? undefined : Number(rssSlope.toFixed(2)),
  slopeWindowMinutes: slopeWindow,
  verdict,
  rule: `RSS slope over the last ${slopeWindow} minute(s) below ${FLAT_SLOPE_MIB_PER_MINUTE} MiB/min`,
};
console.log(
  `\nSummary: ${summary.totalRequests} requests (slowest minute ${summary.lowestRequestsPerSecond} of ${rate} req/s), ${summary.totalErrors} errors; p99 max per minute ${summary.p99MaxPerMinute} ms; ` +
    `RSS ${summary.rssFirstMinuteMiB} MiB (minute 1) -> ${summary.rssLastMinuteMiB} MiB (minute ${minutes})` +
    (metricsOn ? `, heap used ${summary.heapFirstMinuteMiB} -> ${summary.heapLastMinuteMiB} MiB` : '') +
    `; RSS slope over the last ${slopeWindow} min ${summary.rssSlopeMiBPerMinute ?? 'n/a'} MiB/min: ${verdict}` +
    (minutes < 5 ? ' (a run under 5 minutes mostly measures warm-up)' : ''),
);

// The run's own database goes (and a server started for the run with it).
const client = await MongoClient.connect(database.uri);
await client
  .db(DB_NAME)
  .dropDatabase()
  .catch(() => undefined);
await client.close();
await database.stop();
rmSync(dataDir, { recursive: true, force: true });

const file = writeResults('soak-', stamp, {
  database: database.description,
  settings: { minutes, rate, connections, users: Number(values.users), tickets: Number(values.tickets), mix: Object.fromEntries(MIX) },
  minutes: rows,
  memorySamples: samples.map((point) => ({
    minute: Number(point.minute.toFixed(2)),
    rssMiB: mib(point.rss),
    heapUsedMiB: mib(point.heapUsed),
  })),
  summary,
});
console.log(`\nresults: ${file}`);
process.exit(0);
