import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeedProgress } from '../../../src/cli/seed-progress.js';
import { seedAnalytics } from '../../../src/cli/seeders/analytics.seeder.js';
import { systemContext } from '../../../src/core/auth/request-context.js';
import { DashboardsService } from '../../../src/modules/analytics/dashboards.service.js';
import { analyticsCollection } from '../../support/factories/analytics.js';
import { account } from '../../support/factories/identity.js';
import { startMediumApp } from '../../support/medium-app.js';

describe('the analytics seeder', () => {
  let app: INestApplicationContext;
  let close: () => Promise<void>;

  beforeAll(async () => ({ app, close } = await startMediumApp()));
  afterAll(() => close?.());

  it('seeds 30 days of visitors, visits, page views and events the dashboards read, and nothing on a rerun', async () => {
    const members = await Promise.all([account(app), account(app), account(app)]);
    const progress = new SeedProgress();
    const first = await seedAnalytics(app, progress);
    expect(first).toBeGreaterThan(200);
    expect(await seedAnalytics(app, progress)).toBe(0);
    const counts = await Promise.all(
      ['visitors', 'visits', 'pageviews', 'userevents', 'toolusages', 'userbehaviors', 'apiusages'].map((name) =>
        analyticsCollection(app, name).countDocuments(),
      ),
    );
    expect(counts[0]).toBe(200);
    expect(counts.every((count) => count > 0)).toBe(true);
    const series = await app.get(DashboardsService).series(systemContext('seed'), { metric: 'pageviews' });
    expect(series.points.reduce((sum, point) => sum + point.count, 0)).toBe(counts[2]);

    // Behavior events are only `behavior.*` names; API usage belongs to the seeded members, by route template.
    const behaviors = analyticsCollection(app, 'userbehaviors');
    expect((await behaviors.distinct('name')).every((name: string) => name.startsWith('behavior.'))).toBe(true);
    expect(await behaviors.countDocuments({ name: 'behavior.scroll_depth' })).toBe(counts[2]);
    const usages = analyticsCollection(app, 'apiusages');
    const owners = (await usages.distinct('userId')).map(String).sort();
    expect(owners).toEqual(members.map((member) => member.id).sort());
    expect((await usages.distinct('route')).every((route: string) => route.startsWith('/api/'))).toBe(true);
    expect(await usages.countDocuments({ failed: 1 })).toBe(await usages.countDocuments({ status: { $gte: 400 } }));
    const report = await app.get(DashboardsService).apiUsage(systemContext('seed'), {});
    expect(report.routes.reduce((sum, route) => sum + route.requests, 0)).toBeGreaterThan(0);
  });
});
