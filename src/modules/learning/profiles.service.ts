import { Injectable, NotFoundException } from '@nestjs/common';
import { Types } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { actorOf, type RequestContext } from '../../core/auth/request-context.js';
import { EffectsRelay } from '../../core/events/index.js';
import { ValidationProblem } from '../../core/http/problem.js';
import { UserDirectory } from '../identity/index.js';
import { SkillCatalogue } from '../skills/index.js';
import type { AvailabilityInputDto, ReplaceLearningDto, ReplaceTeachingDto } from './dto/profile-input.dto.js';
import type { UserSkillsDto } from './dto/profile.dto.js';
import { duplicateSkills, profileChanged, unknownSkills } from './learning-problems.js';
import { LearnerProfilesRepository } from './learner-profiles.repository.js';
import { toUserSkillsDto } from './profile.mapper.js';
import type { LearnerProfile, LearningSkill, TeachingSkill } from './schemas/learner-profile.schema.js';
import { heldSkills, SkillHolders } from './skill-holders.js';
import { minutesOf, overlappingSlots } from './weekly-time.js';

/** A user's skills and availability: read by anyone signed in (availability by the user and staff), set by the user. */
@Injectable()
export class ProfilesService {
  constructor(
    private readonly profiles: LearnerProfilesRepository,
    private readonly holders: SkillHolders,
    private readonly catalogue: SkillCatalogue,
    private readonly users: UserDirectory,
    private readonly policy: PermissionPolicy,
    private readonly relay: EffectsRelay,
  ) {}

  /** A user without a profile yet has empty lists; an id that is no user is 404. */
  async get(ctx: RequestContext, userId: string): Promise<UserSkillsDto> {
    this.policy.require(ctx, 'learning.profile.read');
    const profile = await this.profiles.findByUser(userId);
    if (!profile && !(await this.users.exists(userId))) throw new NotFoundException('No such user.');
    return toUserSkillsDto(userId, profile, this.policy.can(ctx, 'learning.availability.read', { ownerId: userId }));
  }

  /**
   * Replaces what the caller teaches. A skill kept at the same level keeps its verification (a new rate or
   * experience does not undo what staff checked); a new skill, or one whose level changed, is unverified.
   */
  async replaceTeaching(ctx: RequestContext, input: ReplaceTeachingDto): Promise<UserSkillsDto> {
    const userId = this.owner(ctx);
    await this.checkSkills('skills', input.skills);
    return this.replace(userId, (profile) => {
      const kept = new Map(profile.teachingSkills.map((skill) => [skill.skill.toString(), skill]));
      const teachingSkills: TeachingSkill[] = input.skills.map((skill) => {
        const previous = kept.get(skill.skillId);
        return {
          skill: new Types.ObjectId(skill.skillId),
          level: skill.level,
          ...(skill.hourlyRate ? { hourlyRate: { amount: skill.hourlyRate.amount, currency: skill.hourlyRate.currency } } : {}),
          ...(skill.yearsOfExperience === undefined ? {} : { yearsOfExperience: skill.yearsOfExperience }),
          verification: previous && previous.level === skill.level ? previous.verification : { isVerified: false },
        };
      });
      return { teachingSkills };
    });
  }

  async replaceLearning(ctx: RequestContext, input: ReplaceLearningDto): Promise<UserSkillsDto> {
    const userId = this.owner(ctx);
    await this.checkSkills('skills', input.skills);
    const learningSkills: LearningSkill[] = input.skills.map((skill) => ({
      skill: new Types.ObjectId(skill.skillId),
      ...(skill.currentLevel ? { currentLevel: skill.currentLevel } : {}),
      goalLevel: skill.goalLevel,
      targetDate: skill.targetDate,
    }));
    return this.replace(userId, () => ({ learningSkills }));
  }

  /** Weekly windows in one time zone; each ends after it starts and none overlaps another (adjacent ones may touch). */
  async setAvailability(ctx: RequestContext, input: AvailabilityInputDto): Promise<UserSkillsDto> {
    const userId = this.owner(ctx);
    const errors = input.slots.flatMap((slot, index) =>
      minutesOf(slot.end) > minutesOf(slot.start) ? [] : [{ field: `slots.${index}.end`, message: 'must be after start' }],
    );
    if (errors.length > 0) throw new ValidationProblem(errors, 'Each window ends after it starts, on the same day.');
    const overlap = overlappingSlots(input.slots);
    if (overlap)
      throw new ValidationProblem([{ field: `slots.${overlap[1]}`, message: `overlaps slots.${overlap[0]}` }], 'Windows may not overlap.');
    const slots = input.slots.map(({ day, start, end }) => ({ day, start, end }));
    const profile = await this.profiles.setAvailability(userId, { timezone: input.timezone, slots });
    return toUserSkillsDto(userId, profile, true);
  }

  private owner(ctx: RequestContext): string {
    const userId = actorOf(ctx).id;
    this.policy.requireOn(ctx, 'learning.profile.edit', { ownerId: userId }, 'profile');
    return userId;
  }

  /** Each skill once (400 naming the repeats), and every one an active skill of the catalogue (422 naming the others). */
  private async checkSkills(field: string, skills: readonly { skillId: string }[]): Promise<void> {
    const ids = skills.map((skill) => skill.skillId.toLowerCase());
    const repeated = ids.flatMap((id, index) => (ids.indexOf(id) < index ? [index] : []));
    if (repeated.length > 0) throw duplicateSkills(field, repeated);
    if (ids.length === 0) return;
    const found = await this.catalogue.summaries(ids);
    const unusable = ids.filter((id) => found.get(id)?.status !== 'active');
    if (unusable.length > 0) throw unknownSkills(field, unusable);
  }

  /** One compare-and-set of the lists with the skill-holder events the change owes, then their prompt delivery. */
  private async replace(
    userId: string,
    build: (profile: LearnerProfile) => { teachingSkills?: TeachingSkill[]; learningSkills?: LearningSkill[] },
  ): Promise<UserSkillsDto> {
    const profile = await this.profiles.ensure(userId);
    const lists = build(profile);
    const at = new Date();
    const effects = await this.holders.owedFor(profile, heldSkills(profile), heldSkills({ ...profile, ...lists }), at);
    const updated = await this.profiles.replaceSkillLists(profile, { ...lists, effects }, at);
    if (!updated) throw profileChanged();
    await this.relay.deliver(this.profiles.model, updated);
    return toUserSkillsDto(userId, updated, true);
  }
}
