import { Injectable } from '@nestjs/common';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { EffectsRelay } from '../../core/events/index.js';
import { isObjectId } from '../../core/http/object-id.pipe.js';
import type { TeacherStandingEvent } from '../sessions/index.js';
import { LearnerProfilesRepository } from './learner-profiles.repository.js';
import { heldSkills, SkillHolders } from './skill-holders.js';

/** What learning does when another context tells it something; each reaction is idempotent for the relay. */
@Injectable()
export class LearningReactionsService {
  constructor(
    private readonly profiles: LearnerProfilesRepository,
    private readonly holders: SkillHolders,
    private readonly relay: EffectsRelay,
    private readonly policy: PermissionPolicy,
  ) {}

  /** Keeps the newest standing only: an older or replayed event changes nothing. */
  async recordStanding(ctx: RequestContext, event: TeacherStandingEvent): Promise<boolean> {
    this.policy.require(ctx, 'learning.system');
    const standingAt = new Date(event.teacherStandingAt);
    if (!isObjectId(event.teacherId) || Number.isNaN(standingAt.getTime())) return false;
    return this.profiles.setStanding(event.teacherId, {
      rating: event.teacherRating,
      ratingCount: event.teacherRatingCount,
      sessionsTaught: event.sessionsTaught,
      standingAt,
    });
  }

  /** A skill left the catalogue: no one teaches or learns it here any more. */
  async forgetSkill(ctx: RequestContext, skillId: string): Promise<void> {
    this.policy.require(ctx, 'learning.system');
    if (isObjectId(skillId)) await this.profiles.pullSkill(skillId);
  }

  /**
   * A deleted account takes its learner profile with it. Its lists are emptied first, owing the skill-holder counts
   * that drop, and the profile goes once those are delivered; until then this throws, so the relay runs it again.
   */
  async eraseUser(ctx: RequestContext, userId: string): Promise<void> {
    this.policy.require(ctx, 'learning.system');
    if (!isObjectId(userId)) return;
    const profile = await this.profiles.findByUser(userId);
    if (profile && profile.teachingSkills.length + profile.learningSkills.length > 0) {
      const at = new Date();
      const empty = { teachingSkills: [], learningSkills: [] };
      const effects = await this.holders.owedFor(profile, heldSkills(profile), heldSkills(empty), at);
      const cleared = await this.profiles.replaceSkillLists(profile, { ...empty, effects }, at);
      if (!cleared) throw new Error(`the profile of ${userId} changed while it was erased`);
      await this.relay.deliver(this.profiles.model, cleared);
    }
    if (!(await this.profiles.eraseSettled(userId))) throw new Error(`the profile of ${userId} still owes skill-holder counts`);
  }
}
