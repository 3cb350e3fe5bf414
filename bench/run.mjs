// `npm run bench`: Atrium (built, as `start:prod` runs it) against the bare baseline server, scenario by
// scenario, on the same seeded database in the same run. Prints a table and writes bench/results/<run>.json.
// Timings are reported, never asserted.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveDatabase } from '../dist/core/database/database-target.js';
import { freePort } from '../dist/core/database/mongo-standin.js';
import { measureDrain } from './drain.mjs';
import { pacedLoad } from './paced-load.mjs';
import { loginAs, productionEnv, root, runStamp, seed, waitUntilReady, writeResults } from './harness.mjs';
import { scenarios as allScenarios } from './scenarios.mjs';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '8' },
    // Each side is measured this many times, taking turns, and its median run is reported: on a shared or
    // virtual machine, background load drifts by tens of percent within a minute, and a single pair of
    // back-to-back runs mostly measures that drift.
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '20' },
    rate: { type: 'string', default: '500' },
    users: { type: 'string', default: '10000' },
    tickets: { type: 'string', default: '5000' },
    // Repeatable: a scenario runs when its name contains any of the texts.
    only: { type: 'string', multiple: true },
    emails: { type: 'string', default: '2000' },
    // Write a V8 CPU profile of Atrium (and of the baseline) to this folder; read it with bench/profile-summary.mjs.
    profile: { type: 'string' },
  },
});
const duration = Number(values.duration);
const rounds = Math.max(1, Number(values.rounds));
const connections = Number(values.connections);
const fixedRate = Number(values.rate);

const database = await resolveDatabase({ uri: process.env.MONGODB_URI, log: (line) => console.log(`[database] ${line}`) });
console.log(`[database] ${database.description}`);
const env = productionEnv(database, {
  MONGODB_DB_NAME: 'atrium_bench',
  LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
  // The sign-ins at the start must outlive the whole run.
  JWT_ACCESS_TTL_SECONDS: '7200',
});
await seed(env, { users: values.users, tickets: values.tickets });

const children = [];
const pidOf = {};
async function startServer(name, args, port) {
  const [command, argv] = process.env.BENCH_PIN ? ['taskset', ['-c', process.env.BENCH_PIN, 'node', ...args]] : ['node', args];
  const child = spawn(command, argv, { env: { ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(child);
  pidOf[name] = child.pid;
  const base = `http://127.0.0.1:${port}`;
  await waitUntilReady(`${base}${name === 'atrium' ? '/api/health/ready' : '/health'}`, child, name);
  return base;
}

const profiled = (name, script) =>
  values.profile ? ['--cpu-prof', `--cpu-prof-dir=${values.profile}`, `--cpu-prof-name=${name}.cpuprofile`, script] : [script];
const atrium = await startServer('atrium', profiled('atrium', join(root, 'dist/main.js')), await freePort());
const baseline = await startServer('baseline', profiled('baseline', join(root, 'bench/baseline-server.mjs')), await freePort());

const user = await loginAs(atrium, 'user@atrium.test');
const staff = await loginAs(atrium, 'staff@atrium.test');
const someone = (
  await (await fetch(`${atrium}/api/users?role=user&limit=1&page=37`, { headers: { authorization: `Bearer ${staff.accessToken}` } })).json()
).items[0].id;

const tenantId = await gatedTenant();
// The seeded voice tenant (owned by user@atrium.test) and one of its seeded calls that Vapi knows.
const voiceTenantId = createHash('sha256').update('seed-voice-tenant').digest('hex').slice(0, 24);
const vapiCallId = await seededVapiCall();
const scenarios = allScenarios({
  user,
  staff,
  someone,
  tenantId,
  webhookSecret: env.STRIPE_WEBHOOK_SECRET,
  voiceTenantId,
  vapiSecret: env.VAPI_WEBHOOK_SECRET,
  vapiCallId,
}).filter((scenario) => !values.only || values.only.some((text) => scenario.name.includes(text)));

/**
 * The demo user's first owned tenant, given the `audit-log` feature by a staff override (the gate's longest
 * path: plan and override both read) and a page's worth of entries in its audit log.
 */
async function gatedTenant() {
  const as = (session) => ({ authorization: `Bearer ${session.accessToken}`, 'content-type': 'application/json' });
  const mine = await (await fetch(`${atrium}/api/users/me/tenants`, { headers: as(user) })).json();
  const owned = (Array.isArray(mine) ? mine : mine.items).find((tenant) => tenant.role === 'owner');
  if (!owned) throw new Error('the seed gave user@atrium.test no tenant of its own');
  const override = await fetch(`${atrium}/api/tenants/${owned.id}/features/audit-log`, {
    method: 'PUT',
    headers: as(staff),
    body: JSON.stringify({ value: true, reason: 'benchmark' }),
  });
  if (!override.ok) throw new Error(`override of audit-log: ${override.status}`);
  for (let edit = 0; edit < 25; edit++) {
    await fetch(`${atrium}/api/tenants/${owned.id}`, {
      method: 'PATCH',
      headers: as(user),
      body: JSON.stringify({ settings: { brandColor: `#${(0x100000 + edit).toString(16)}` } }),
    });
  }
  return owned.id;
}

/** A seeded call of the voice tenant with Vapi's id, so a server message finds its call on both sides. */
async function seededVapiCall() {
  const response = await fetch(`${atrium}/api/tenants/${voiceTenantId}/voice-calls?limit=20`, {
    headers: { authorization: `Bearer ${user.accessToken}` },
  });
  const page = response.ok ? await response.json() : { items: [] };
  const call = page.items.find((item) => item.vapiCallId);
  if (!call) throw new Error(`the seed gave the voice tenant no call with a Vapi id (${response.status})`);
  return call.vapiCallId;
}

function requestOf(target) {
  const headers = { 'content-type': 'application/json' };
  if (target.token) headers.authorization = `Bearer ${target.token}`;
  const request = { method: target.method ?? 'GET', path: target.path, headers };
  if (target.body) request.body = JSON.stringify(target.body);
  return request;
}

/** The request a target sends next: its own, or drawn afresh by its setup (a unique email, a freshly signed event). */
function nextRequestOf(target) {
  return target.setup ? target.setup(requestOf(target)) : requestOf(target);
}

function load(base, target, options) {
  const request = requestOf(target);
  if (target.setup) request.setupRequest = target.setup;
  return autocannon({ url: base, connections: target.connections ?? connections, duration, requests: [request], ...options });
}

/** One request to each side before measuring: both must succeed, and a list must count the same items, or the ratio means nothing. */
async function preflight(scenario) {
  const answers = {};
  for (const [side, base] of [
    ['atrium', atrium],
    ['baseline', baseline],
  ]) {
    const target = scenario[side];
    const request = nextRequestOf(target);
    const response = await fetch(`${base}${request.path}`, { method: request.method, headers: request.headers, body: request.body });
    const body = await response.json().catch(() => undefined);
    answers[side] = { status: response.status, total: body?.total };
  }
  const problems = [];
  for (const side of ['atrium', 'baseline']) if (answers[side].status >= 300) problems.push(`${side} answered ${answers[side].status}`);
  if (answers.atrium.total !== answers.baseline.total)
    problems.push(`totals differ: atrium ${answers.atrium.total}, baseline ${answers.baseline.total}`);
  if (problems.length) console.log(`[bench] ${scenario.name}: NOT comparable: ${problems.join('; ')}`);
  return problems;
}

/** User + system CPU time of a process in microseconds (Linux /proc), or undefined elsewhere. */
function cpuMicros(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    const ticksPerSecond = 100;
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / ticksPerSecond;
  } catch {
    return undefined;
  }
}

const summarize = (result) => ({
  requestsPerSecond: Math.round(result.requests.average),
  p50: result.latency.p50,
  p99: result.latency.p99,
  errors: result.errors + result.timeouts + result.non2xx,
  total: result.requests.total,
});

/** The run of median throughput, with the CPU per request of all runs together (the steadier figure). */
function medianRun(runs) {
  const sorted = [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  const median = sorted[Math.floor(sorted.length / 2)];
  const counted = runs.filter((run) => run.cpuMicros !== undefined);
  const total = counted.reduce((sum, run) => sum + run.total, 0);
  const { cpuMicros: _cpu, ...reported } = median;
  return {
    ...reported,
    rounds: runs.map((run) => run.requestsPerSecond),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    cpuMicrosPerRequest: counted.length && total > 0 ? Math.round(counted.reduce((sum, run) => sum + run.cpuMicros, 0) / total) : undefined,
  };
}

/** The run of median p99 at the fixed rate, with every run's p99 and the errors of all of them. */
function medianLatency(runs) {
  const sorted = [...runs].sort((a, b) => a.p99 - b.p99);
  return {
    ...sorted[Math.floor(sorted.length / 2)],
    p99Rounds: runs.map((run) => run.p99),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
  };
}

const rows = [];
for (const scenario of scenarios) {
  const row = { scenario: scenario.name, preflightProblems: await preflight(scenario) };
  const runs = { baseline: [], atrium: [] };
  for (const side of ['baseline', 'atrium']) await load(side === 'atrium' ? atrium : baseline, scenario[side], { duration: 2 }); // warm-up: JIT, pools, caches
  for (let round = 0; round < rounds; round++) {
    // Taking turns, and swapping who goes first each round, so a drift in the machine's load falls on both sides.
    const order = round % 2 === 0 ? ['baseline', 'atrium'] : ['atrium', 'baseline'];
    for (const side of order) {
      const cpuBefore = cpuMicros(pidOf[side]);
      const run = summarize(await load(side === 'atrium' ? atrium : baseline, scenario[side], {}));
      // CPU the server process spent per answered request: unlike throughput, barely moved by what else runs on the machine.
      const cpuAfter = cpuMicros(pidOf[side]);
      if (cpuBefore !== undefined && cpuAfter !== undefined && run.total > 0) run.cpuMicros = cpuAfter - cpuBefore;
      runs[side].push(run);
    }
  }
  for (const side of ['baseline', 'atrium']) row[side] = medianRun(runs[side]);
  // Latency at a fixed arrival rate (the p99 target); creates are bound by password hashing, so reads only,
  // and only where the server can sustain the rate at all (otherwise the queue, not the server, is measured).
  // One run's p99 on a small machine is mostly its worst pause, so these take turns in rounds too.
  const atRate = { baseline: [], atrium: [] };
  const sustains = (side) => scenario.kind === 'read' && row[side].requestsPerSecond > fixedRate;
  for (let round = 0; round < rounds; round++) {
    for (const side of round % 2 === 0 ? ['baseline', 'atrium'] : ['atrium', 'baseline']) {
      if (!sustains(side)) continue;
      const options = { rate: fixedRate, duration, connections: Math.max(connections, 50) };
      atRate[side].push(await pacedLoad(side === 'atrium' ? atrium : baseline, () => nextRequestOf(scenario[side]), options));
    }
  }
  for (const side of ['baseline', 'atrium']) if (atRate[side].length) row[side].atFixedRate = medianLatency(atRate[side]);
  row.ratio = Number((row.atrium.requestsPerSecond / Math.max(1, row.baseline.requestsPerSecond)).toFixed(2));
  rows.push(row);
  console.log(
    `[bench] ${scenario.name}: atrium ${row.atrium.requestsPerSecond} req/s (${row.atrium.errors} errors), ` +
      `baseline ${row.baseline.requestsPerSecond} req/s (${row.baseline.errors} errors)`,
  );
}

// Profiles are written as the servers exit, so wait for them.
await Promise.all(
  children.map(
    (child) => new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', resolve), child.kill('SIGTERM')))),
  ),
);

// Email queue drain rate: real worker processes (the app's own EmailWorker) against an in-process SMTP server.
let drain = [];
let drainProblem;
if (!values.only || values.only.some((text) => 'email queue drain'.includes(text))) {
  try {
    drain = await measureDrain(env, Number(values.emails));
  } catch (error) {
    // The scenarios' figures are already taken: report them, and why the drain has none.
    drainProblem = error instanceof Error ? error.message : String(error);
  }
}
await database.stop();

const pad = (value, width) => String(value).padStart(width);
const kindOf = (row) => scenarios.find((scenario) => scenario.name === row.scenario).kind;
console.log(
  `\nAtrium vs baseline, the median of ${rounds} runs of ${duration} s each, taking turns, ${connections} connections; p99@${fixedRate} is the median p99 (ms, from each request's due moment) of ${rounds} runs at ${fixedRate} evenly spaced req/s ` +
    `("sat." where the server cannot sustain that rate)\n`,
);
console.log(
  `${'scenario'.padEnd(40)}${pad('atrium r/s', 11)}${pad('base r/s', 10)}${pad('ratio', 7)}${pad('p50', 6)}${pad('p99', 6)}${pad(`p99@${fixedRate}`, 9)}${pad('base p99', 9)}${pad('b p99@', 7)}${pad('errors', 8)}${pad('base err', 9)}${pad('cpu µs', 8)}${pad('base cpu', 9)}`,
);
for (const row of rows) {
  console.log(
    `${row.scenario.padEnd(40)}${pad(row.atrium.requestsPerSecond, 11)}${pad(row.baseline.requestsPerSecond, 10)}${pad(row.ratio.toFixed(2), 7)}` +
      `${pad(row.atrium.p50, 6)}${pad(row.atrium.p99, 6)}${pad(row.atrium.atFixedRate?.p99 ?? (kindOf(row) === 'read' && row.atrium.requestsPerSecond <= fixedRate ? 'sat.' : 'n/a'), 9)}${pad(row.baseline.p99, 9)}${pad(row.baseline.atFixedRate?.p99 ?? 'n/a', 7)}` +
      `${pad(row.atrium.errors + (row.atrium.atFixedRate?.errors ?? 0), 8)}${pad(row.baseline.errors + (row.baseline.atFixedRate?.errors ?? 0), 9)}` +
      `${pad(row.atrium.cpuMicrosPerRequest ?? 'n/a', 8)}${pad(row.baseline.cpuMicrosPerRequest ?? 'n/a', 9)}`,
  );
}
for (const row of rows.filter((candidate) => candidate.preflightProblems.length)) {
  console.log(`  not comparable: ${row.scenario}: ${row.preflightProblems.join('; ')}`);
}
const reads = rows.filter((row) => kindOf(row) === 'read');
const writes = rows.filter((row) => kindOf(row) !== 'read');
// The p99 target compares both sides at the same arrival rate, so only where both sustained it.
const atRate = reads.filter((row) => row.atrium.atFixedRate && row.baseline.atFixedRate);
// A target no measured scenario speaks to is neither met nor missed.
const verdict = (subject, holds) => {
  if (subject.length === 0) return 'n/a';
  const missed = subject.filter((row) => !holds(row)).map((row) => row.scenario);
  return missed.length === 0 ? 'met' : `NOT met (${missed.join(', ')})`;
};
console.log(
  `\nTargets (reported, not enforced):\n` +
    `  reads and health >= 0.85x baseline: ${verdict(reads, (row) => row.ratio >= 0.85)}\n` +
    `  writes >= 0.75x baseline: ${verdict(writes, (row) => row.ratio >= 0.75)}\n` +
    `  p99 at ${fixedRate} req/s <= 1.3x the baseline's: ${verdict(atRate, (row) => row.atrium.atFixedRate.p99 <= 1.3 * row.baseline.atFixedRate.p99)}` +
    ` (${atRate.length} of ${reads.length} reads sustained by both)\n` +
    `  zero errors: ${rows.every((row) => row.atrium.errors + (row.atrium.atFixedRate?.errors ?? 0) === 0) ? 'met' : 'NOT met'}`,
);

for (const row of rows) {
  const per = scenarios.find((scenario) => scenario.name === row.scenario).itemsPerRequest;
  if (per)
    console.log(
      `  ${row.scenario}: atrium ${Math.round((row.atrium.total * per) / duration)} rows/s, baseline ${Math.round((row.baseline.total * per) / duration)} rows/s (${per} per request, median runs)`,
    );
}

if (drainProblem) console.log(`\nEmail queue drain: not measured (${drainProblem})`);
if (drain.length) {
  console.log('\nEmail queue drain (in-process SMTP server, pooled connections)');
  for (const run of drain)
    console.log(`  ${run.workers} worker(s): ${run.emails} emails in ${run.seconds} s = ${run.emailsPerSecond} emails/s`);
}

const file = writeResults('', runStamp(), {
  database: database.description,
  settings: { duration, rounds, connections, fixedRate, users: Number(values.users), tickets: Number(values.tickets) },
  scenarios: rows,
  emailDrain: drain,
  ...(drainProblem ? { emailDrainProblem: drainProblem } : {}),
});
console.log(`\nresults: ${file}`);
process.exit(0);
