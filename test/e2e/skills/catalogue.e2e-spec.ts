import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SkillRankingJob } from '../../../src/modules/skills/jobs/skill-ranking.job.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { createSkill, skillChain, skillModel } from '../../support/factories/skills.js';

describe('the skills catalogue: browsing, filters, writes and their rules', () => {
  let t: TestApp;
  let staff: TestUser;
  let user: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    [staff, user] = await Promise.all([userWithRole(t, 'staff'), registerUser(t)]);
  });
  afterAll(() => t?.close());

  const body = (overrides: Record<string, unknown> = {}) => ({
    name: `Skill ${Math.random().toString(36).slice(2, 8)}`,
    category: 'design',
    difficulty: 4,
    ...overrides,
  });

  it('lets only staff write: 401 anonymous, 403 for a user, 201 for staff with a slug from the name', async () => {
    const payload = body({ name: 'Figma Prototyping Basics' });
    expect((await t.http().post('/api/skills').send(payload)).status).toBe(401);
    expect((await t.http().post('/api/skills').set(bearer(user)).send(payload)).status).toBe(403);
    const created = await t.http().post('/api/skills').set(bearer(staff)).send(payload);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ slug: 'figma-prototyping-basics', status: 'active', category: 'design' });
    const again = await t.http().post('/api/skills').set(bearer(staff)).send(payload);
    expect([again.status, again.body.type]).toEqual([409, 'urn:atrium:problem:slug-taken']);
    expect((await t.http().put(`/api/skills/${created.body.id}`).set(bearer(user)).send({ difficulty: 5 })).status).toBe(403);
    expect((await t.http().delete(`/api/skills/${created.body.id}`)).status).toBe(401);
  });

  it('answers 400 for malformed ids, queries and bodies, never 500', async () => {
    const answers = await Promise.all([
      t.http().get('/api/skills/not-an-id'),
      t.http().get('/api/skills/not-an-id/tree'),
      t.http().get('/api/skills?minDifficulty=0'),
      t.http().get('/api/skills?sort=random'),
      t.http().get('/api/skills?verified=maybe'),
      t.http().get('/api/skills/search'),
      t.http().get('/api/skills/search?q='),
      t.http().get(`/api/skills/search?q=${'a'.repeat(201)}`),
      t.http().get('/api/skills/categories/Not%20A%20Key'),
      t.http().get('/api/skills/popular?limit=500'),
      t.http().get(`/api/skills/${'a'.repeat(24)}/tree?depth=9`),
      t
        .http()
        .post('/api/skills')
        .set(bearer(staff))
        .send(body({ difficulty: 11 })),
      t
        .http()
        .post('/api/skills')
        .set(bearer(staff))
        .send(body({ tags: Array.from({ length: 21 }, (_, i) => `t${i}`) })),
      t
        .http()
        .post('/api/skills')
        .set(bearer(staff))
        .send(body({ metadata: { learningResources: [{ title: 'x', url: 'http://example.com', type: 'article' }] } })),
      t
        .http()
        .post('/api/skills')
        .set(bearer(staff))
        .send(body({ prerequisites: ['nope'] })),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual(Array(answers.length).fill(400));
    expect((await t.http().get(`/api/skills/${'a'.repeat(24)}`)).status).toBe(404);
  });

  it('filters by category, subcategory, difficulty range, verification and status; staff alone see drafts', async () => {
    const tag = `cat-${Date.now().toString(36)}`;
    const [easy, mid, hard] = await Promise.all([
      createSkill(t, { category: tag, subcategory: 'alpha', difficulty: 2, name: `${tag} easy` }),
      createSkill(t, { category: tag, subcategory: 'beta', difficulty: 5, name: `${tag} mid`, verification: { isVerified: true } }),
      createSkill(t, { category: tag, subcategory: 'beta', difficulty: 9, name: `${tag} hard` }),
    ]);
    const draft = await createSkill(t, { category: tag, status: 'draft', name: `${tag} draft` });
    const ids = async (query: string, who?: TestUser) => {
      const request = t.http().get(`/api/skills?category=${tag}&${query}`);
      const answer = who ? await request.set(bearer(who)) : await request;
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return (answer.body.items as { id: string }[]).map((item) => item.id).sort();
    };
    expect(await ids('')).toEqual([easy.id, mid.id, hard.id].sort());
    expect(await ids('subcategory=beta')).toEqual([mid.id, hard.id].sort());
    expect(await ids('minDifficulty=3&maxDifficulty=6')).toEqual([mid.id]);
    expect(await ids('verified=true')).toEqual([mid.id]);
    expect(await ids('status=draft')).toEqual([easy.id, mid.id, hard.id].sort());
    expect(await ids('status=draft', staff)).toEqual([draft.id]);
    expect((await t.http().get(`/api/skills/${draft.id}`)).status).toBe(404);
    expect((await t.http().get(`/api/skills/${draft.id}`).set(bearer(staff))).status).toBe(200);

    const sorted = async (sort: string) =>
      ((await t.http().get(`/api/skills?category=${tag}&sort=${sort}`)).body.items as { name: string }[]).map((item) => item.name);
    expect(await sorted('name')).toEqual([`${tag} easy`, `${tag} hard`, `${tag} mid`]);
    const newest = (await t.http().get(`/api/skills?category=${tag}&sort=newest`)).body.items as { createdAt: string }[];
    expect(newest.map((item) => item.createdAt)).toEqual(
      newest
        .map((item) => item.createdAt)
        .sort()
        .reverse(),
    );
    const popularity = (await t.http().get(`/api/skills?category=${tag}&sort=popularity`)).body.items as {
      stats: { popularityRank: number };
    }[];
    const ranks = popularity.map((item) => item.stats.popularityRank);
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));

    const category = await t.http().get(`/api/skills/categories/${tag}`);
    expect(category.status).toBe(200);
    expect(category.body.total).toBe(3);
    expect(category.body.subcategories).toEqual([
      { subcategory: 'beta', count: 2 },
      { subcategory: 'alpha', count: 1 },
    ]);
  });

  it('refuses prerequisites that would close a cycle, naming it, and unknown or self links', async () => {
    const [a, b, c] = await skillChain(t, 3, { category: 'cycles' });
    const cycle = await t
      .http()
      .put(`/api/skills/${a.id}`)
      .set(bearer(staff))
      .send({ prerequisites: [c.id] });
    expect([cycle.status, cycle.body.type]).toEqual([409, 'urn:atrium:problem:prerequisite-cycle']);
    expect(cycle.body.detail).toContain(`${a.name} → ${c.name} → ${b.name} → ${a.name}`);
    expect(cycle.body.cycle).toEqual([a.id, c.id, b.id, a.id]);
    expect((await skillModel(t).findById(a.id).lean())!.prerequisites).toEqual([]);

    const self = await t
      .http()
      .put(`/api/skills/${a.id}`)
      .set(bearer(staff))
      .send({ prerequisites: [a.id] });
    expect([self.status, self.body.type]).toEqual([409, 'urn:atrium:problem:prerequisite-cycle']);
    const ghost = 'b'.repeat(24);
    const unknown = await t
      .http()
      .post('/api/skills')
      .set(bearer(staff))
      .send(body({ prerequisites: [a.id, ghost] }));
    expect([unknown.status, unknown.body.unknownIds]).toEqual([422, [ghost]]);
    const related = await t
      .http()
      .put(`/api/skills/${b.id}`)
      .set(bearer(staff))
      .send({ relatedSkills: [{ skill: b.id, relationshipType: 'complementary', strength: 5 }] });
    expect([related.status, related.body.unknownIds]).toEqual([422, [b.id]]);
  });

  it('refuses to delete a skill others require, naming them; a delete removes it from related lists', async () => {
    const [base, next] = await skillChain(t, 2, { category: 'removal' });
    const refused = await t.http().delete(`/api/skills/${base.id}`).set(bearer(staff));
    expect([refused.status, refused.body.type, refused.body.dependants]).toEqual([409, 'urn:atrium:problem:skill-required', [next.id]]);
    expect(refused.body.detail).toContain(next.name);
    expect(refused.body.detail).toContain('archive');

    const loner = await createSkill(t, { category: 'removal' });
    const fan = await createSkill(t, {
      category: 'removal',
      relatedSkills: [{ skill: loner.id, relationshipType: 'complementary', strength: 7 }],
    });
    expect((await t.http().delete(`/api/skills/${loner.id}`).set(bearer(staff))).status).toBe(204);
    expect((await t.http().get(`/api/skills/${loner.id}`)).status).toBe(404);
    expect((await t.http().get(`/api/skills/${fan.id}`)).body.relatedSkills).toEqual([]);
    expect((await t.http().delete(`/api/skills/${loner.id}`).set(bearer(staff))).status).toBe(404);
    // The tombstone owes nothing more, so the ranking job deletes it for good.
    expect((await skillModel(t).findById(loner.id).lean())?.status).toBe('removed');
    await t.app.get(SkillRankingJob).run();
    expect(await skillModel(t).findById(loner.id).lean()).toBeNull();
    // Its slug is free again.
    expect(
      (
        await t
          .http()
          .post('/api/skills')
          .set(bearer(staff))
          .send(body({ name: loner.name }))
      ).status,
    ).toBe(201);
  });

  it('walks the tree to the asked depth, each skill once, and reports popularity and statistics', async () => {
    const chain = await skillChain(t, 4, { category: 'trees' });
    const top = chain[3];
    await t
      .http()
      .put(`/api/skills/${chain[1].id}`)
      .set(bearer(staff))
      .send({ relatedSkills: [{ skill: chain[3].id, relationshipType: 'builds-on', strength: 3 }] });
    const tree = await t.http().get(`/api/skills/${top.id}/tree?depth=2`);
    expect(tree.status).toBe(200);
    expect(tree.body.nodes.map((node: { id: string; depth: number }) => [node.id, node.depth])).toEqual([
      [top.id, 0],
      [chain[2].id, 1],
      [chain[1].id, 2],
    ]);
    expect(tree.body.edges).toContainEqual({ from: chain[1].id, to: top.id, kind: 'related', relationshipType: 'builds-on', strength: 3 });
    const deep = await t.http().get(`/api/skills/${top.id}/tree?depth=5`);
    expect(new Set(deep.body.nodes.map((node: { id: string }) => node.id)).size).toBe(4);

    const popular = await t.http().get('/api/skills/popular?limit=3');
    expect([popular.status, popular.body.length]).toEqual([200, 3]);
    const statistics = await t.http().get('/api/skills/statistics');
    expect(statistics.status).toBe(200);
    expect(statistics.body.byCategory).toContainEqual({ category: 'trees', count: 4, avgDifficulty: 2.5 });
    expect(statistics.body.byDifficulty.reduce((sum: number, row: { count: number }) => sum + row.count, 0)).toBe(statistics.body.total);
  });
});
