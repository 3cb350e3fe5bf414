import type { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { CreateSkillDto } from '../../../src/modules/skills/dto/skill-input.dto.js';
import type { SkillDto } from '../../../src/modules/skills/dto/skill.dto.js';
import { Skill } from '../../../src/modules/skills/schemas/skill.schema.js';
import { SkillsService } from '../../../src/modules/skills/skills.service.js';
import { contextOf } from './identity.js';

/** Anything with the application's providers: a medium app or the e2e app. */
type HasApp = INestApplicationContext | { app: INestApplicationContext };
const appOf = (t: HasApp): INestApplicationContext => ('app' in t ? t.app : t);

export const skillModel = (t: HasApp) => appOf(t).get<Model<Skill>>(getModelToken(Skill.name));

/** Staff as the factories act: a context the policy lets curate the catalogue. */
const curator = () => contextOf({ id: new Types.ObjectId().toString(), role: 'staff' });

let sequence = 0;

export const skillInput = (overrides: Partial<CreateSkillDto> = {}): CreateSkillDto => {
  const n = ++sequence;
  return {
    name: `Factory skill ${n} ${new Types.ObjectId().toString().slice(-6)}`,
    description: 'A skill made for a test.',
    category: 'programming',
    subcategory: 'general',
    difficulty: 3,
    tags: [],
    keywords: [],
    metadata: { estimatedLearningTime: 10 },
    status: 'active',
    ...overrides,
  };
};

/** A skill created through the catalogue's own service, active unless overridden. */
export function createSkill(t: HasApp, overrides: Partial<CreateSkillDto> = {}): Promise<SkillDto> {
  return appOf(t).get(SkillsService).create(curator(), skillInput(overrides));
}

/** Skills where each requires the one before it (the first has none): a learning chain, easiest first. */
export async function skillChain(t: HasApp, length: number, overrides: Partial<CreateSkillDto> = {}): Promise<SkillDto[]> {
  const chain: SkillDto[] = [];
  for (let index = 0; index < length; index++)
    chain.push(
      await createSkill(t, {
        difficulty: Math.min(10, index + 1),
        ...overrides,
        prerequisites: chain.length > 0 ? [chain[chain.length - 1].id] : [],
      }),
    );
  return chain;
}

/** Changes a skill through the service, as staff would (PUT /api/skills/:id). */
export function updateSkill(t: HasApp, id: string, changes: Partial<CreateSkillDto>): Promise<SkillDto> {
  return appOf(t).get(SkillsService).update(curator(), id, changes);
}
