import { Injectable, NotFoundException } from '@nestjs/common';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { actorOf, type RequestContext } from '../../core/auth/request-context.js';
import { SkillCatalogue } from '../skills/index.js';
import type { LearningPathDto } from './dto/learning-path.dto.js';
import { LearnerProfilesRepository } from './learner-profiles.repository.js';
import type { LearnerProfile } from './schemas/learner-profile.schema.js';
import { SKILL_LEVELS } from './learning.types.js';

/**
 * What the caller already knows: every skill they teach (at any level), and every skill they learn whose
 * current level has reached its goal. A learning goal not yet reached is still to learn.
 */
export function knownSkills(profile: Pick<LearnerProfile, 'teachingSkills' | 'learningSkills'> | null): Set<string> {
  const known = new Set((profile?.teachingSkills ?? []).map((skill) => skill.skill.toString()));
  for (const skill of profile?.learningSkills ?? [])
    if (skill.currentLevel && SKILL_LEVELS.indexOf(skill.currentLevel) >= SKILL_LEVELS.indexOf(skill.goalLevel))
      known.add(skill.skill.toString());
  return known;
}

/** The caller's way to a skill through its prerequisites, skipping what they know. */
@Injectable()
export class LearningPathService {
  constructor(
    private readonly profiles: LearnerProfilesRepository,
    private readonly catalogue: SkillCatalogue,
    private readonly policy: PermissionPolicy,
  ) {}

  async pathTo(ctx: RequestContext, skillId: string): Promise<LearningPathDto> {
    this.policy.require(ctx, 'learning.path');
    const known = knownSkills(await this.profiles.findByUser(actorOf(ctx).id));
    const path = await this.catalogue.learningPath(skillId, known);
    if (!path) throw new NotFoundException('No such skill.');
    return { ...path, knownSkillIds: [...known].sort() };
  }
}
