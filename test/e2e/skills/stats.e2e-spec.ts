import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { systemContext } from '../../../src/core/auth/request-context.js';
import { EffectsRelay, owedEffects } from '../../../src/core/events/index.js';
import { SkillRankingJob } from '../../../src/modules/skills/jobs/skill-ranking.job.js';
import { SkillStatsService } from '../../../src/modules/skills/skill-stats.service.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { createSkill, skillModel } from '../../support/factories/skills.js';

describe('skill stats from learning and sessions, and the ranking job', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const stats = async (id: string) => (await t.http().get(`/api/skills/${id}`)).body.stats;

  it('keeps the newest holders count: a replay or an older count changes nothing', async () => {
    const skill = await createSkill(t, { category: 'stats' });
    const service = t.app.get(SkillStatsService);
    const ctx = systemContext('test');
    expect(await service.recordHolders(ctx, skill.id, 3, 40, '2026-05-02T10:00:00.000Z')).toBe(true);
    expect(await service.recordHolders(ctx, skill.id, 3, 40, '2026-05-02T10:00:00.000Z')).toBe(false);
    expect(await service.recordHolders(ctx, skill.id, 1, 5, '2026-05-01T10:00:00.000Z')).toBe(false);
    expect(await stats(skill.id)).toMatchObject({ totalTeachers: 3, totalLearners: 40 });
    expect(await service.recordHolders(ctx, skill.id, 4, 41, '2026-05-03T10:00:00.000Z')).toBe(true);
    expect(await stats(skill.id)).toMatchObject({ totalTeachers: 4, totalLearners: 41 });
    // A report about no skill (or a malformed one) is dropped, not retried.
    expect(await service.recordHolders(ctx, 'f'.repeat(24), 1, 1, '2026-05-03T10:00:00.000Z')).toBe(false);
    expect(await service.recordHolders(ctx, 'nope', 1, 1, 'not a time')).toBe(false);
  });

  it('through the relay: the same holders event delivered twice, then an older one, leaves the newest count', async () => {
    const skill = await createSkill(t, { category: 'stats' });
    const carrier = await createSkill(t, { category: 'stats' });
    const relay = t.app.get(EffectsRelay);
    const deliver = async (learnerCount: number, holdersCountedAt: string) => {
      const payload = { heldSkillId: skill.id, teacherCount: 2, learnerCount, holdersCountedAt };
      const effects = owedEffects(relay.owe('learning.skill-holders', payload, `holders:${new Types.ObjectId().toString()}`));
      expect(effects.map((effect) => effect.name)).toContain('learning.skill-holders>skills');
      const document = await skillModel(t)
        .findByIdAndUpdate(carrier.id, { $push: { effects: { $each: effects } } }, { returnDocument: 'after' })
        .lean();
      await relay.deliver(skillModel(t), document!);
    };
    await deliver(12, '2026-06-02T00:00:00.000Z');
    await deliver(12, '2026-06-02T00:00:00.000Z');
    await deliver(3, '2026-06-01T00:00:00.000Z');
    expect(await stats(skill.id)).toMatchObject({ totalTeachers: 2, totalLearners: 12 });
    const carried = await skillModel(t).findById(carrier.id).lean();
    expect(carried!.effects!.every((effect) => effect.state === 'done')).toBe(true);
  });

  it('keeps the newest standing the same way, and only the system may report', async () => {
    const skill = await createSkill(t, { category: 'stats' });
    const service = t.app.get(SkillStatsService);
    const ctx = systemContext('test');
    expect(await service.recordStanding(ctx, skill.id, 4.5, 2, 3, '2026-05-02T10:00:00.000Z')).toBe(true);
    expect(await service.recordStanding(ctx, skill.id, 1, 9, 9, '2026-05-01T10:00:00.000Z')).toBe(false);
    expect(await stats(skill.id)).toMatchObject({ avgRating: 4.5, ratingCount: 2, completedSessions: 3 });
    await expect(
      service.recordStanding({ client: {}, requestId: 'caller' }, skill.id, 1, 1, 1, '2027-01-01T00:00:00Z'),
    ).rejects.toMatchObject({
      status: 403,
    });
  });

  it('ranks by learners then rating, and trends by growth since the previous run', async () => {
    const service = t.app.get(SkillStatsService);
    const ctx = systemContext('test');
    const [few, many, manyBetter] = [
      await createSkill(t, { category: 'ranking' }),
      await createSkill(t, { category: 'ranking' }),
      await createSkill(t, { category: 'ranking' }),
    ];
    const at = new Date().toISOString();
    await service.recordHolders(ctx, few.id, 0, 1000, at);
    await service.recordHolders(ctx, many.id, 0, 2000, at);
    await service.recordHolders(ctx, manyBetter.id, 0, 2000, at);
    await service.recordStanding(ctx, manyBetter.id, 4.9, 10, 10, at);
    await service.recordStanding(ctx, many.id, 3.1, 10, 10, at);
    await t.app.get(SkillRankingJob).run();
    const [a, b, c] = await Promise.all([stats(manyBetter.id), stats(many.id), stats(few.id)]);
    expect([a.popularityRank, b.popularityRank, c.popularityRank]).toEqual([1, 2, 3]);
    const trend = (await t.http().get(`/api/skills/${few.id}`)).body.trendingScore;
    expect(trend).toBe(1000);
    await t.app.get(SkillRankingJob).run();
    expect((await t.http().get(`/api/skills/${few.id}`)).body.trendingScore).toBe(500);
    const popular = await t.http().get('/api/skills/popular?limit=2');
    expect(popular.body.map((skill: { id: string }) => skill.id)).toEqual([manyBetter.id, many.id]);
  });
});
