import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeedProgress } from '../../../src/cli/seed-progress.js';
import { seedSkills, SEEDED_SKILL_COUNT } from '../../../src/cli/seeders/skills.seeder.js';
import { SkillSearchQueryDto } from '../../../src/modules/skills/dto/skill-query.dto.js';
import type { Skill } from '../../../src/modules/skills/schemas/skill.schema.js';
import { SkillCatalogue } from '../../../src/modules/skills/skill-catalogue.js';
import { SkillSearch } from '../../../src/modules/skills/skill-search.js';
import { anonymousContext } from '../../support/factories/identity.js';
import { skillModel } from '../../support/factories/skills.js';
import { startMediumApp } from '../../support/medium-app.js';

describe('the skills seeder', () => {
  let app: INestApplicationContext;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ app, close } = await startMediumApp());
  });
  afterAll(() => close?.());

  it(
    'seeds over 2,000 skills on an acyclic prerequisite graph, searchable, and adds nothing on a rerun',
    { timeout: 120_000 },
    async () => {
      const progress = new SeedProgress();
      expect(SEEDED_SKILL_COUNT).toBeGreaterThanOrEqual(2000);
      expect(await seedSkills(app, progress)).toBe(SEEDED_SKILL_COUNT);
      expect(await seedSkills(app, progress)).toBe(0);
      const skills = await skillModel(app)
        .find({}, { name: 1, slug: 1, prerequisites: 1, relatedSkills: 1, searchTerms: 1, status: 1, stats: 1, difficulty: 1 })
        .lean<Skill[]>();
      expect(skills).toHaveLength(SEEDED_SKILL_COUNT);
      expect(new Set(skills.map((skill) => skill.slug)).size).toBe(skills.length);
      expect(skills.every((skill) => skill.searchTerms.length > 0)).toBe(true);
      expect(new Set(skills.map((skill) => skill.status))).toEqual(new Set(['active', 'draft', 'archived']));
      expect(new Set(skills.map((skill) => skill.stats.popularityRank)).size).toBe(skills.length);

      // Every link names a seeded skill, and ordering by prerequisites succeeds for all of them: no cycle.
      const ids = new Set(skills.map((skill) => skill._id.toString()));
      const links = skills.flatMap((skill) => [...skill.prerequisites, ...skill.relatedSkills.map((link) => link.skill)]);
      expect(links.every((id) => ids.has(id.toString()))).toBe(true);
      const placed = new Set<string>();
      let pending = skills;
      while (pending.length > 0) {
        const ready = pending.filter((skill) => skill.prerequisites.every((id) => placed.has(id.toString())));
        expect(ready.length).toBeGreaterThan(0);
        for (const skill of ready) placed.add(skill._id.toString());
        pending = pending.filter((skill) => !placed.has(skill._id.toString()));
      }

      // The catalogue reads the seeded graph: a path to an expert level climbs its ladder in order.
      const expert = skills.find((skill) => skill.name === 'Python Expert Techniques')!;
      const path = await app.get(SkillCatalogue).learningPath(expert._id.toString(), new Set());
      expect(path!.steps.at(-1)!.id).toBe(expert._id.toString());
      expect(path!.steps.length).toBeGreaterThanOrEqual(13);
      const position = new Map(path!.steps.map((step, index) => [step.id, index]));
      const byId = new Map(skills.map((skill) => [skill._id.toString(), skill]));
      for (const step of path!.steps)
        for (const prerequisite of byId.get(step.id)!.prerequisites) {
          // Drafts are no steps; every published prerequisite comes first.
          if (byId.get(prerequisite.toString())!.status === 'draft') expect(position.has(prerequisite.toString())).toBe(false);
          else expect(position.get(prerequisite.toString())!).toBeLessThan(position.get(step.id)!);
        }
      expect(path!.totalEstimatedHours).toBeGreaterThan(0);

      const query = Object.assign(new SkillSearchQueryDto(), { q: 'python', page: 1, limit: 5 });
      const found = await app.get(SkillSearch).search(anonymousContext(), query);
      expect(found.total).toBeGreaterThan(5);
      expect(found.items.every((hit) => hit.name.startsWith('Python'))).toBe(true);
    },
  );
});
