import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SkillCatalogue } from '../../../src/modules/skills/skill-catalogue.js';
import { createSkill, skillModel, updateSkill } from '../../support/factories/skills.js';
import { startMediumApp } from '../../support/medium-app.js';

describe('the skill catalogue other contexts use', () => {
  let app: INestApplicationContext;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ app, close } = await startMediumApp());
  });
  afterAll(() => close?.());

  it('plans a path through shared prerequisites in order, skipping what the learner knows, with the hours summed', async () => {
    const basics = await createSkill(app, { name: 'Web Basics', difficulty: 1, metadata: { estimatedLearningTime: 5 } });
    const html = await createSkill(app, {
      name: 'HTML',
      difficulty: 2,
      prerequisites: [basics.id],
      metadata: { estimatedLearningTime: 8 },
    });
    const css = await createSkill(app, { name: 'CSS', difficulty: 2, prerequisites: [basics.id], metadata: { estimatedLearningTime: 10 } });
    const site = await createSkill(app, { name: 'Static Sites', difficulty: 4, prerequisites: [html.id, css.id], metadata: {} });
    const catalogue = app.get(SkillCatalogue);

    const path = await catalogue.learningPath(site.id, new Set());
    expect(path!.steps.map((step) => step.name)).toEqual(['Web Basics', 'CSS', 'HTML', 'Static Sites']);
    expect(path!.totalEstimatedHours).toBe(23);
    expect(path!.skill).toMatchObject({ id: site.id, name: 'Static Sites', status: 'active' });

    const knowing = await catalogue.learningPath(site.id, new Set([basics.id, css.id]));
    expect(knowing!.steps.map((step) => step.name)).toEqual(['HTML', 'Static Sites']);
    expect(knowing!.totalEstimatedHours).toBe(8);
    expect((await catalogue.learningPath(site.id, new Set([site.id, html.id, css.id])))!.steps).toEqual([]);
    expect(await catalogue.learningPath('f'.repeat(24), new Set())).toBeUndefined();
    expect(await catalogue.learningPath('not an id', new Set())).toBeUndefined();

    const summaries = await catalogue.summaries([basics.id, html.id, 'f'.repeat(24), 'junk']);
    expect([...summaries.keys()].sort()).toEqual([basics.id, html.id].sort());
    expect(summaries.get(html.id)).toEqual({
      id: html.id,
      name: 'HTML',
      slug: 'html',
      category: 'programming',
      subcategory: 'general',
      difficulty: 2,
      status: 'active',
      estimatedLearningTime: 8,
    });
  });

  it('of two concurrent edits that would close a cycle together, at most one stays', async () => {
    const a = await createSkill(app);
    const b = await createSkill(app);
    const results = await Promise.allSettled([
      updateSkill(app, a.id, { prerequisites: [b.id] }),
      updateSkill(app, b.id, { prerequisites: [a.id] }),
    ]);
    const [storedA, storedB] = await Promise.all([skillModel(app).findById(a.id).lean(), skillModel(app).findById(b.id).lean()]);
    const edges = (storedA!.prerequisites.length > 0 ? 1 : 0) + (storedB!.prerequisites.length > 0 ? 1 : 0);
    expect(edges).toBeLessThanOrEqual(1);
    expect(results.filter((result) => result.status === 'fulfilled').length).toBe(edges);
    for (const result of results.filter((one) => one.status === 'rejected'))
      expect((result as PromiseRejectedResult).reason).toMatchObject({ status: 409, slug: 'prerequisite-cycle' });
  });
});
