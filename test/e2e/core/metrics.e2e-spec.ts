import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types, type PipelineStage } from 'mongoose';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EffectsRelay } from '../../../src/core/events/effects-relay.js';
import { carryEffects, owedEffects, type OwedEffect } from '../../../src/core/events/owed-effect.js';
import { JobRunner } from '../../../src/core/jobs/job-runner.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, userWithRole, type TestUser } from '../../support/auth.js';
import { deadEmail, queueEmails } from '../../support/factories/mail.js';
import { until } from '../../support/wait.js';

/** Published in src/core/config/published-secrets.ts, so production refuses it. */
const TOKEN = 'metrics-test-token-that-is-long-enough-0123456789';

/** The value of the one sample named `name` whose labels are exactly `labels`; undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels)
    .map(([key, value]) => `${key}="${value}"`)
    .sort()
    .join(',');
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = (match[2] ?? '')
      .split(/,(?=[a-zA-Z_]\w*=")/)
      .filter(Boolean)
      .sort()
      .join(',');
    if (found === wanted) return Number(match[3]);
  }
  return undefined;
}

@Schema({ collection: 'metricsprobes' })
class Probe {
  _id: Types.ObjectId;
  @Prop() label: string;
  effects?: OwedEffect[];
}
const ProbeSchema = SchemaFactory.createForClass(Probe);
carryEffects(ProbeSchema);

describe('GET /metrics with METRICS_TOKEN set', () => {
  let t: TestApp;
  let admin: TestUser;
  const scrape = async () => {
    const response = await t.http().get('/metrics').set('Authorization', `Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    return response.text;
  };

  beforeAll(async () => {
    process.env.METRICS_TOKEN = TOKEN;
    t = await startTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    admin = await userWithRole(t, 'admin');
  });
  afterAll(async () => {
    await t?.close();
    delete process.env.METRICS_TOKEN;
  });

  it('answers Prometheus text with the process metrics, event-loop lag included', async () => {
    const response = await t.http().get('/metrics').set('Authorization', `Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.headers['cache-control']).toBe('no-store');
    for (const name of [
      'process_cpu_seconds_total',
      'nodejs_heap_size_used_bytes',
      'nodejs_eventloop_lag_seconds',
      'nodejs_eventloop_lag_p99_seconds',
    ]) {
      expect(sample(response.text, name), name).toBeGreaterThanOrEqual(0);
    }
  });

  it('counts a request once, under its route template with method and status', async () => {
    const labels = { method: 'GET', route: '/api/users/:id', status_code: '200' };
    const before = sample(await scrape(), 'http_request_duration_seconds_count', labels) ?? 0;
    await t.http().get(`/api/users/${admin.id}`).set(bearer(admin)).expect(200);
    const text = await scrape();
    expect(sample(text, 'http_request_duration_seconds_count', labels)).toBe(before + 1);
    expect(sample(text, 'http_request_duration_seconds_bucket', { ...labels, le: '+Inf' })).toBe(before + 1);
    expect(sample(text, 'http_request_duration_seconds_sum', labels)).toBeGreaterThan(0);
    // The concrete path never becomes a label.
    expect(text).not.toContain(admin.id);
  });

  it('counts requests to unknown paths under one fixed route label', async () => {
    const labels = { method: 'GET', route: 'unmatched', status_code: '404' };
    const before = sample(await scrape(), 'http_request_duration_seconds_count', labels) ?? 0;
    await t.http().get('/no-such-page/one').expect(404);
    await t.http().get('/api/no-such-route/two').expect(404);
    const text = await scrape();
    expect(sample(text, 'http_request_duration_seconds_count', labels)).toBe(before + 2);
    expect(text).not.toContain('no-such');
  });

  it('counts requests in flight: once every earlier answer is done, only the scrape itself', async () => {
    await Promise.all([t.http().get('/api/health/live'), t.http().get('/nowhere'), t.http().post('/api/users').send({})]);
    let last: number | undefined;
    await until(async () => {
      last = sample(await scrape(), 'http_requests_in_flight');
      return last === 1;
    }).catch(() => expect(last).toBe(1));
  });

  it('counts out a client that hangs up before its answer', async () => {
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const hangUp = (i: number) =>
      new Promise<void>((resolve) => {
        const body = JSON.stringify({ email: `nobody.${i}.${Date.now()}@example.com`, password: 'a wrong password' });
        const socket = connect(port, '127.0.0.1', () => {
          const head = `POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
          // Gone as soon as the request is on its way: the password check is still running.
          socket.write(head + body, () => socket.destroy());
        });
        socket.on('error', () => undefined);
        socket.on('close', () => resolve());
      });
    await Promise.all([0, 1, 2, 3, 4].map(hangUp));
    let last: number | undefined;
    await until(async () => {
      last = sample(await scrape(), 'http_requests_in_flight');
      return last === 1;
    }).catch(() => expect(last).toBe(1));
  });

  it('records each job tick with its outcome, and the duration of the ticks it ran', async () => {
    const jobs = t.app.get(JobRunner);
    const job = `metrics-probe-${Date.now()}`;
    const labels = (outcome: string) => ({ job, outcome });
    await jobs.runTick(job, 1, 60_000, async () => ({ items: 3 }));
    // The same tick again: already run, so this instance skips it.
    await jobs.runTick(job, 1, 60_000, async () => ({ items: 3 }));
    await jobs.runTick(job, 2, 60_000, async () => {
      throw new Error('the far side is down');
    });
    const text = await scrape();
    expect(sample(text, 'atrium_job_runs_total', labels('succeeded'))).toBe(1);
    expect(sample(text, 'atrium_job_runs_total', labels('skipped'))).toBe(1);
    expect(sample(text, 'atrium_job_runs_total', labels('failed'))).toBe(1);
    expect(sample(text, 'atrium_job_duration_seconds_count', labels('succeeded'))).toBe(1);
    expect(sample(text, 'atrium_job_duration_seconds_count', labels('failed'))).toBe(1);
    expect(sample(text, 'atrium_job_duration_seconds_count', labels('skipped'))).toBeUndefined();
  });

  it('reads the email queue depths from the database when scraped', async () => {
    const email = { queue: 'email' };
    const before = await scrape();
    const pending = sample(before, 'atrium_queue_pending', email);
    const dead = sample(before, 'atrium_queue_dead', email);
    expect(pending).toBeGreaterThanOrEqual(1); // the admin's registration queued its welcome email
    expect(await queueEmails(t.app, 3, `metrics-${Date.now()}`)).toBe(3);
    await deadEmail(t.app, 'gone@example.com');
    const after = await scrape();
    expect(sample(after, 'atrium_queue_pending', email)).toBe(pending! + 3);
    expect(sample(after, 'atrium_queue_dead', email)).toBe(dead! + 1);
    expect(sample(after, 'atrium_queue_oldest_pending_age_seconds', email)).toBeGreaterThanOrEqual(0);
  });

  it('reads the owed effects backlog when scraped: pending, dead, and how long the oldest has been due', async () => {
    const relay = t.app.get(EffectsRelay);
    const probes = t.connection.model<Probe>(Probe.name, ProbeSchema);
    relay.carry(probes);
    const effects = { queue: 'effects' };
    const before = await scrape();
    const pending = sample(before, 'atrium_queue_pending', effects)!;
    const dead = sample(before, 'atrium_queue_dead', effects)!;
    const hourAgo = new Date(Date.now() - 3_600_000);
    const yearAgo = new Date(Date.now() - 365 * 86_400_000);
    // A long-done effect beside a pending one: the age is the pending one's, not the document's earliest.
    await probes.create({
      label: 'owes',
      effects: [
        { ...owedEffects([{ key: 'probe:done', name: 'probe.none', payload: {} }], yearAgo)[0], state: 'done' },
        ...owedEffects([{ key: 'probe:pending', name: 'probe.none', payload: {} }], hourAgo),
      ],
    });
    await probes.create({
      label: 'gave up',
      effects: [{ ...owedEffects([{ key: 'probe:dead', name: 'probe.none', payload: {} }])[0], state: 'dead' }],
    });
    const after = await scrape();
    expect(sample(after, 'atrium_queue_pending', effects)).toBe(pending + 1);
    expect(sample(after, 'atrium_queue_dead', effects)).toBe(dead + 1);
    const age = sample(after, 'atrium_queue_oldest_pending_age_seconds', effects)!;
    expect(age).toBeGreaterThanOrEqual(3600);
    expect(age).toBeLessThan(2 * 3600);
  });

  it('times database operations by name, collection and outcome, Mongoose’s and the driver calls alike', async () => {
    const probes = t.connection.model<Probe>(Probe.name, ProbeSchema);
    const metric = 'atrium_mongodb_operation_duration_seconds_count';
    const failed = { operation: 'aggregate', collection: 'metricsprobes', outcome: 'failed' };
    const found = { operation: 'find', collection: 'metricsprobes', outcome: 'ok' };
    const before = await scrape();
    await expect(probes.aggregate([{ $noSuchStage: {} } as unknown as PipelineStage])).rejects.toThrow();
    await probes.find({ label: 'timed' }).lean();
    // A sign-up inserts its account through the driver directly, and the rate limit counts it there too.
    await t.http().post('/api/auth/register').send({ email: 'timed@example.com', password: 'a long enough password' }).expect(201);
    const text = await scrape();
    expect(sample(text, metric, failed)).toBe((sample(before, metric, failed) ?? 0) + 1);
    expect(sample(text, metric, found)).toBe((sample(before, metric, found) ?? 0) + 1);
    const inserted = { operation: 'insertOne', collection: 'users', outcome: 'ok' };
    expect(sample(text, metric, inserted)).toBe((sample(before, metric, inserted) ?? 0) + 1);
    expect(sample(text, metric, { operation: 'rateLimit.consume', collection: 'ratelimits', outcome: 'ok' })).toBeGreaterThan(0);
  });

  it('shows the connection pool: open, lent and its maximum, per server', async () => {
    const text = await scrape();
    const address = /atrium_mongodb_pool_connections\{address="([^"]+)"\}/.exec(text)?.[1];
    expect(address).toBeDefined();
    expect(sample(text, 'atrium_mongodb_pool_connections', { address: address! })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'atrium_mongodb_pool_connections_checked_out', { address: address! })).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'atrium_mongodb_pool_max_size', { address: address! })).toBe(t.connection.getClient().options.maxPoolSize);
  });

  it('refuses a scrape without the token, or with another one, as 401 problem+json', async () => {
    for (const authorization of [
      undefined,
      'Bearer wrong-token',
      `Bearer ${TOKEN}x`,
      TOKEN,
      `Basic ${TOKEN}`,
      bearer(admin).Authorization,
    ]) {
      const request = t.http().get('/metrics');
      const response = await (authorization ? request.set('Authorization', authorization) : request);
      expect(response.status, authorization).toBe(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.headers['www-authenticate']).toBe('Bearer realm="metrics"');
      expect(response.body).toMatchObject({ status: 401, instance: '/metrics' });
      expect(response.text).not.toContain('nodejs_');
    }
  });

  it('is not part of the JSON API: absent from the OpenAPI document, and not under /api', async () => {
    const document = await t.http().get('/docs-json').expect(200);
    expect(Object.keys(document.body.paths).filter((path) => path.includes('metrics'))).toEqual([]);
    expect((await t.http().get('/api/metrics').set('Authorization', `Bearer ${TOKEN}`)).status).toBe(404);
  });
});

describe('GET /metrics with METRICS_TOKEN unset', () => {
  let t: TestApp;

  beforeAll(async () => {
    delete process.env.METRICS_TOKEN;
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('is off: 404 like any unknown path, whatever the token', async () => {
    for (const authorization of [undefined, `Bearer ${TOKEN}`]) {
      const request = t.http().get('/metrics');
      const response = await (authorization ? request.set('Authorization', authorization) : request);
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.text).not.toContain('nodejs_');
    }
  });
});
