import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, userWithRole, type TestUser } from '../../support/auth.js';
import type { CreateSkillDto } from '../../../src/modules/skills/dto/skill-input.dto.js';
import { createSkill, skillChain, skillModel, updateSkill } from '../../support/factories/skills.js';

describe('skill edits: null fields, refused cycles and what stays stored', () => {
  let t: TestApp;
  let staff: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await userWithRole(t, 'staff');
  });
  afterAll(() => t?.close());

  it('refuses null for every optional field with a 400 naming it, and leaves the skill as it was', async () => {
    const skill = await createSkill(t, { name: 'Null Guard Skill' });
    const fields = [
      'verification',
      'status',
      'slug',
      'description',
      'subcategory',
      'tags',
      'keywords',
      'prerequisites',
      'relatedSkills',
      'metadata',
      'industryDemand',
      'name',
      'difficulty',
      'category',
    ];
    for (const field of fields) {
      const answer = await t
        .http()
        .put(`/api/skills/${skill.id}`)
        .set(bearer(staff))
        .send({ [field]: null });
      expect([field, answer.status]).toEqual([field, 400]);
      expect(JSON.stringify(answer.body)).toContain(field);
    }
    const created = await t
      .http()
      .post('/api/skills')
      .set(bearer(staff))
      .send({ name: 'Null Create', category: 'design', difficulty: 3, verification: null });
    expect(created.status).toBe(400);
    const nested = await t
      .http()
      .put(`/api/skills/${skill.id}`)
      .set(bearer(staff))
      .send({ metadata: { estimatedLearningTime: null } });
    expect(nested.status).toBe(400);
    // The service refuses null too, for callers other than HTTP.
    await expect(
      updateSkill(t, skill.id, { verification: null, status: null } as unknown as Partial<CreateSkillDto>),
    ).rejects.toMatchObject({
      fieldErrors: [
        { field: 'verification', message: 'must not be null; omit it instead' },
        { field: 'status', message: 'must not be null; omit it instead' },
      ],
    });
    const stored = await skillModel(t).findById(skill.id).lean();
    expect(stored).toMatchObject({ status: skill.status, slug: skill.slug, verification: { isVerified: false } });
  });

  it('leaves a PUT refused for a cycle unwritten: no field of it is stored', async () => {
    const [first, second] = await skillChain(t, 2);
    const refused = await t
      .http()
      .put(`/api/skills/${first.id}`)
      .set(bearer(staff))
      .send({ name: 'Renamed By A Refused Edit', difficulty: 9, prerequisites: [second.id] });
    expect([refused.status, refused.body.type]).toEqual([409, 'urn:atrium:problem:prerequisite-cycle']);
    const stored = await skillModel(t).findById(first.id).lean();
    expect(stored).toMatchObject({ name: first.name, difficulty: first.difficulty, prerequisites: [] });
    expect(stored?.searchTerms?.length).toBeGreaterThan(0);
  });

  it('two edits closing a cycle together: no cycle is stored and a refused edit keeps none of its fields', async () => {
    for (let round = 0; round < 3; round++) {
      const [a, b] = await Promise.all([createSkill(t), createSkill(t)]);
      const answers = await Promise.all([
        t
          .http()
          .put(`/api/skills/${a.id}`)
          .set(bearer(staff))
          .send({ name: `Edited A ${round}`, prerequisites: [b.id] }),
        t
          .http()
          .put(`/api/skills/${b.id}`)
          .set(bearer(staff))
          .send({ name: `Edited B ${round}`, prerequisites: [a.id] }),
      ]);
      expect(answers.filter((answer) => answer.status === 200).length).toBeLessThanOrEqual(1);
      const [storedA, storedB] = await Promise.all([skillModel(t).findById(a.id).lean(), skillModel(t).findById(b.id).lean()]);
      expect((storedA?.prerequisites.length ?? 0) + (storedB?.prerequisites.length ?? 0)).toBeLessThanOrEqual(1);
      for (const [answer, stored, before] of [
        [answers[0], storedA, a],
        [answers[1], storedB, b],
      ] as const) {
        if (answer.status === 200) continue;
        expect([409]).toContain(answer.status);
        expect(stored).toMatchObject({ name: before.name, prerequisites: [] });
      }
    }
  });
});
