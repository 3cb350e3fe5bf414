import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { QueryFilter } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { actorOf, type RequestContext } from '../../core/auth/request-context.js';
import { findPage } from '../../core/database/find-page.js';
import type { Page, PageQueryDto } from '../../core/http/pagination.js';
import type { TeachingSkillDto, VerificationRequestDto } from './dto/profile.dto.js';
import { profileChanged } from './learning-problems.js';
import { LearnerProfilesRepository } from './learner-profiles.repository.js';
import { toTeachingSkillDto } from './profile.mapper.js';
import type { LearnerProfile } from './schemas/learner-profile.schema.js';

/** Staff check that a teacher really has a skill at the level they claim. */
@Injectable()
export class VerificationsService {
  constructor(
    private readonly profiles: LearnerProfilesRepository,
    private readonly policy: PermissionPolicy,
  ) {}

  /** Profiles with an unverified teaching skill, the longest waiting first; each lists only its unverified skills. */
  async queue(ctx: RequestContext, query: PageQueryDto): Promise<Page<VerificationRequestDto>> {
    this.policy.require(ctx, 'learning.verifications');
    const filter = { 'teachingSkills.verification.isVerified': false } as QueryFilter<LearnerProfile>;
    return findPage(
      this.profiles.model,
      filter,
      query,
      (profile) => ({
        userId: profile.userId.toString(),
        waitingSince: (profile.teachingChangedAt ?? profile.createdAt).toISOString(),
        skills: profile.teachingSkills.filter((skill) => !skill.verification?.isVerified).map(toTeachingSkillDto),
      }),
      { teachingChangedAt: 1, _id: 1 },
    );
  }

  /** Verifies one of a user's teaching skills, keeping who and when on the skill; again is harmless. Nobody verifies their own. */
  async verify(ctx: RequestContext, userId: string, skillId: string): Promise<TeachingSkillDto> {
    this.policy.require(ctx, 'learning.verify');
    const staffId = actorOf(ctx).id;
    if (staffId === userId) throw new ForbiddenException('Staff do not verify their own teaching skills.');
    const current = await this.profiles.findByUser(userId);
    const skill = current?.teachingSkills.find((candidate) => candidate.skill.toString() === skillId);
    if (!skill) throw new NotFoundException('The user does not teach this skill.');
    if (skill.verification?.isVerified) return toTeachingSkillDto(skill);
    const updated = await this.profiles.verify(userId, { skillId, revision: current!.revision ?? 0 }, staffId, new Date());
    // The teacher changed their list since it was read: staff look again at what is there now.
    if (!updated) throw profileChanged();
    const verified = updated.teachingSkills.find((candidate) => candidate.skill.toString() === skillId);
    if (!verified) throw new NotFoundException('The user does not teach this skill.');
    return toTeachingSkillDto(verified);
  }
}
