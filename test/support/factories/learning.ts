import type { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { systemContext } from '../../../src/core/auth/request-context.js';
import { EffectsRelay } from '../../../src/core/events/index.js';
import type { SkillHoldersEvent } from '../../../src/modules/learning/index.js';
import type {
  AvailabilityInputDto,
  LearningSkillInputDto,
  TeachingSkillInputDto,
} from '../../../src/modules/learning/dto/profile-input.dto.js';
import type { UserSkillsDto } from '../../../src/modules/learning/dto/profile.dto.js';
import { LearningReactionsService } from '../../../src/modules/learning/learning-reactions.service.js';
import { ProfilesService } from '../../../src/modules/learning/profiles.service.js';
import { LearnerProfile } from '../../../src/modules/learning/schemas/learner-profile.schema.js';
import type { SkillDto } from '../../../src/modules/skills/dto/skill.dto.js';
import { SkillsService } from '../../../src/modules/skills/skills.service.js';
import { contextOf } from './identity.js';

type Person = { id: string; role?: 'user' | 'staff' | 'admin' };

export const learnerProfileModel = (app: INestApplicationContext) => app.get<Model<LearnerProfile>>(getModelToken(LearnerProfile.name));

let sequence = 0;

/** An active catalogue skill, added by staff through the catalogue's own service. */
export async function catalogueSkill(
  app: INestApplicationContext,
  staff: Person,
  overrides: { name?: string; prerequisites?: string[]; status?: 'draft' | 'active' | 'archived'; estimatedLearningTime?: number } = {},
): Promise<SkillDto> {
  const { estimatedLearningTime, ...rest } = overrides;
  const name = rest.name ?? `Learning skill ${++sequence} ${Date.now().toString(36)}`;
  return app.get(SkillsService).create(contextOf({ id: staff.id, role: staff.role ?? 'staff' }), {
    category: 'programming',
    difficulty: 3,
    ...rest,
    name,
    ...(estimatedLearningTime === undefined ? {} : { metadata: { estimatedLearningTime } }),
  } as Parameters<SkillsService['create']>[1]);
}

export const teaching = (skillId: string, overrides: Partial<TeachingSkillInputDto> = {}): TeachingSkillInputDto => ({
  skillId,
  level: 'advanced',
  hourlyRate: { amount: 4500, currency: 'EUR' },
  yearsOfExperience: 4,
  ...overrides,
});

export const learning = (skillId: string, overrides: Partial<LearningSkillInputDto> = {}): LearningSkillInputDto => ({
  skillId,
  goalLevel: 'intermediate',
  targetDate: new Date(Date.UTC(2027, 5, 1)),
  ...overrides,
});

/** The user teaches exactly these skills, set through the profile service as the PUT route sets them. */
export function teach(app: INestApplicationContext, user: Person, skills: TeachingSkillInputDto[]): Promise<UserSkillsDto> {
  return app.get(ProfilesService).replaceTeaching(contextOf({ id: user.id, role: user.role ?? 'user' }), { skills });
}

export function learn(app: INestApplicationContext, user: Person, skills: LearningSkillInputDto[]): Promise<UserSkillsDto> {
  return app.get(ProfilesService).replaceLearning(contextOf({ id: user.id, role: user.role ?? 'user' }), { skills });
}

export function available(app: INestApplicationContext, user: Person, availability: AvailabilityInputDto): Promise<UserSkillsDto> {
  return app.get(ProfilesService).setAvailability(contextOf({ id: user.id, role: user.role ?? 'user' }), availability);
}

/** A teacher's standing as the sessions context would report it, applied by learning's own reaction. */
export function standing(
  app: INestApplicationContext,
  teacherId: string,
  values: { rating: number | null; ratingCount: number; sessionsTaught: number; at?: Date },
): Promise<boolean> {
  return app.get(LearningReactionsService).recordStanding(systemContext('factory-standing'), {
    teacherId,
    teacherRating: values.rating,
    teacherRatingCount: values.ratingCount,
    sessionsTaught: values.sessionsTaught,
    teacherStandingAt: (values.at ?? new Date()).toISOString(),
  });
}

/** Listens to learning.skill-holders as a subscriber would, collecting every payload delivered. Call once per app. */
export function collectSkillHolders(app: INestApplicationContext): SkillHoldersEvent[] {
  const seen: SkillHoldersEvent[] = [];
  app.get(EffectsRelay).on('learning.skill-holders', 'learning-test-probe', async (event) => {
    seen.push(event);
  });
  return seen;
}
