import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeedProgress } from '../../../src/cli/seed-progress.js';
import { seedSkills } from '../../../src/cli/seeders/skills.seeder.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { bookedSession } from '../../support/factories/sessions.js';
import { startBaseline, type BaselineProcess } from './baseline-process.js';

const USER_AGENT = 'baseline-parity';

/** The learning platform's bench scenarios compare Atrium with the baseline; the baseline must give the same answers. */
describe('the benchmark baseline answers the catalogue and the sessions list as Atrium does', () => {
  let t: TestApp;
  let baseline: BaselineProcess;
  let staff: TestUser;
  let learner: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await userWithRole(t, 'staff');
    await seedSkills(t.app, new SeedProgress());
    const first = await bookedSession(t, { startInMinutes: 60 });
    learner = first.learner;
    await bookedSession(t, { startInMinutes: 180, learner, teacher: first.teacher, skillId: first.skillId });
    await bookedSession(t, { startInMinutes: 300, learner });
    baseline = await startBaseline();
  });
  afterAll(async () => {
    await baseline?.kill();
    await t?.close();
  });

  const both = async (path: string, user?: TestUser) => {
    const atriumCall = t.http().get(`/api${path}`).set('user-agent', USER_AGENT);
    const headers: Record<string, string> = { 'user-agent': USER_AGENT };
    if (user) headers.authorization = `Bearer ${user.accessToken}`;
    const [atrium, base] = await Promise.all([
      user ? atriumCall.set(bearer(user)) : atriumCall,
      fetch(`${baseline.base}${path}`, { headers }).then(async (response) => ({
        status: response.status,
        body: (await response.json()) as Record<string, unknown>,
      })),
    ]);
    return { atrium: { status: atrium.status, body: atrium.body as Record<string, unknown> }, base };
  };

  const same = async (path: string, user?: TestUser) => {
    const { atrium, base } = await both(path, user);
    expect([path, atrium.status, base.status]).toEqual([path, 200, 200]);
    expect((atrium.body.items as unknown[]).length, path).toBeGreaterThan(0);
    // JSON drops undefined fields on both sides, so the parsed answers compare whole.
    expect(base.body, path).toEqual(atrium.body);
  };

  it('lists the same skills, in the same order, with the same totals, for every sort and filter', async () => {
    const category = ((await t.http().get('/api/skills?limit=1')).body.items[0] as { category: string }).category;
    for (const query of [
      'sort=popularity&limit=20',
      'sort=name&page=2&limit=20',
      'sort=rating&limit=10',
      'sort=newest&limit=10',
      `category=${category}&minDifficulty=3&maxDifficulty=6&limit=20`,
      'verified=true&limit=20',
    ])
      await same(`/skills?${query}`);
    // Staff see any status, both sides alike.
    await same('/skills?status=active&limit=5', staff);
  });

  it('searches with the same stems, ranking and answer', async () => {
    await same('/skills/search?q=python&limit=20');
    await same('/skills/search?q=testing%20tools&highlights=true&limit=20');
    await same('/skills/search?q=python&page=2&limit=5');
  });

  it('refuses the same queries', async () => {
    for (const path of [
      '/skills?sort=bogus',
      '/skills?limit=0',
      '/skills?minDifficulty=11',
      '/skills/search',
      '/skills/search?q=%20',
      '/skills?unknown=1',
    ]) {
      const { atrium, base } = await both(path);
      expect([path, atrium.status, base.status]).toEqual([path, 400, 400]);
    }
  });

  it('lists a learner’s own sessions alike, and nobody else’s', async () => {
    await same('/sessions/my-sessions?limit=20', learner);
    await same('/sessions/my-sessions?role=learner&limit=2&page=2', learner);
    const stranger = await registerUser(t);
    const { atrium, base } = await both('/sessions/my-sessions?limit=20', stranger);
    expect([atrium.status, base.status, base.body.total]).toEqual([200, 200, 0]);
    expect(base.body).toEqual(atrium.body);
    const anonymous = await both('/sessions/my-sessions');
    expect([anonymous.atrium.status, anonymous.base.status]).toEqual([401, 401]);
  });
});
