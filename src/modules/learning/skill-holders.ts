import { Injectable } from '@nestjs/common';
import { trusted, Types, type QueryFilter } from 'mongoose';
import { EffectsRelay, owedEffects, type OwedEffect } from '../../core/events/index.js';
import { LearnerProfilesRepository } from './learner-profiles.repository.js';
import type { LearnerProfile } from './schemas/learner-profile.schema.js';

/** One profile's skill lists before and after a change, as skill ids. */
export type HeldSkills = { teaching: ReadonlySet<string>; learning: ReadonlySet<string> };

const symmetricDifference = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [
  ...[...a].filter((id) => !b.has(id)),
  ...[...b].filter((id) => !a.has(id)),
];

/**
 * The `learning.skill-holders` events a change owes: one per skill whose teacher or learner count moved. The
 * counts are absolute, read before the write as everyone else's holders (indexed counts) plus this profile's
 * lists after it, so the event travels in the same update as the change. Two profiles changing the same skill
 * at the same instant may each miss the other; the next change of that skill corrects it.
 */
@Injectable()
export class SkillHolders {
  constructor(
    private readonly profiles: LearnerProfilesRepository,
    private readonly relay: EffectsRelay,
  ) {}

  async owedFor(profile: LearnerProfile, before: HeldSkills, after: HeldSkills, at: Date): Promise<OwedEffect[]> {
    const changed = [
      ...new Set([...symmetricDifference(before.teaching, after.teaching), ...symmetricDifference(before.learning, after.learning)]),
    ];
    const others = { userId: trusted({ $ne: profile.userId }) };
    const requests = await Promise.all(
      changed.sort().map(async (skillId) => {
        const skill = new Types.ObjectId(skillId);
        const [teachers, learners] = await Promise.all([
          this.profiles.model.countDocuments({ 'teachingSkills.skill': skill, ...others } as QueryFilter<LearnerProfile>),
          this.profiles.model.countDocuments({ 'learningSkills.skill': skill, ...others } as QueryFilter<LearnerProfile>),
        ]);
        return this.relay.owe(
          'learning.skill-holders',
          {
            heldSkillId: skillId,
            teacherCount: teachers + (after.teaching.has(skillId) ? 1 : 0),
            learnerCount: learners + (after.learning.has(skillId) ? 1 : 0),
            holdersCountedAt: at.toISOString(),
          },
          `skill-holders:${skillId}:${profile._id.toString()}:${profile.revision + 1}`,
        );
      }),
    );
    return owedEffects(requests.flat(), at);
  }
}

export const heldSkills = (profile: Pick<LearnerProfile, 'teachingSkills' | 'learningSkills'>): HeldSkills => ({
  teaching: new Set(profile.teachingSkills.map((skill) => skill.skill.toString())),
  learning: new Set(profile.learningSkills.map((skill) => skill.skill.toString())),
});
