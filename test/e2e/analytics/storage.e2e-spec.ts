import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../../src/core/auth/request-context.js';
import { probeTimeSeries } from '../../../src/modules/analytics/storage/time-series.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { analyticsCollection, retentionOf, storageOf } from '../../support/factories/analytics.js';

const DAY_MS = 86_400_000;

describe('where tracking data is stored and how long it is kept', () => {
  let t: TestApp;

  beforeAll(async () => {
    process.env.ANALYTICS_RETENTION_DAYS = '90';
    t = await startTestApp();
  });
  afterAll(async () => {
    delete process.env.ANALYTICS_RETENTION_DAYS;
    await t?.close();
  });

  it('stores events as time series, expiring after the retention, on a server that has them', async (context) => {
    const capability = await probeTimeSeries(t.connection.db!);
    if (!capability.supported) context.skip(capability.reason);
    const [info] = await t.connection.db!.listCollections({ name: 'userevents' }, { nameOnly: false }).toArray();
    expect(info.type).toBe('timeseries');
    expect(info.options).toMatchObject({ timeseries: { timeField: 'at', metaField: 'name' }, expireAfterSeconds: 90 * 86_400 });
    expect(storageOf(t.app).kinds.get('apiusages')).toBe('time-series');
  });

  it('falls back to plain collections with a TTL index of the retention where the server has no time series', async (context) => {
    const storage = storageOf(t.app);
    if (storage.timeSeries.supported) context.skip('the server has time-series collections');
    expect(storage.timeSeries.reason).toBeTruthy();
    for (const name of ['pageviews', 'userevents', 'toolusages', 'apiusages', 'visitors', 'visits']) {
      const indexes = await analyticsCollection(t.app, name).indexes();
      expect(indexes.find((index) => index.name === 'retention_ttl')?.expireAfterSeconds, name).toBe(90 * 86_400);
    }
    expect(storage.kinds.get('pageviews')).toBe('plain');
  });

  it('purges data past retention in every collection and keeps the rest', async () => {
    const old = new Date(Date.now() - 91 * DAY_MS);
    const recent = new Date(Date.now() - 89 * DAY_MS);
    const rows = (when: Date, count: number) => Array.from({ length: count }, () => ({ at: when, day: 'x', name: 'purge.test' }));
    await analyticsCollection(t.app, 'userevents').insertMany([...rows(old, 1500), ...rows(recent, 3)]);
    await analyticsCollection(t.app, 'performancemetrics').insertMany(rows(old, 2));
    await analyticsCollection(t.app, 'visitors').insertOne({ visitorId: 'purged-visitor', lastSeenAt: old });

    expect(await retentionOf(t.app).purge(systemContext('test'))).toBe(1503);
    expect(await analyticsCollection(t.app, 'userevents').countDocuments({ name: 'purge.test' })).toBe(3);
    expect(await analyticsCollection(t.app, 'visitors').countDocuments({ visitorId: 'purged-visitor' })).toBe(0);
    await expect(retentionOf(t.app).purge({ client: {}, requestId: 'caller' })).rejects.toMatchObject({ status: 403 });
  });
});
