import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model, type QueryFilter } from 'mongoose';
import { isDuplicateKey } from '../../core/database/duplicate-key.js';
import type { OwedEffect } from '../../core/events/index.js';
import {
  LearnerProfile,
  type Availability,
  type LearningSkill,
  type TeachingSkill,
  type TeachingStanding,
} from './schemas/learner-profile.schema.js';

/** The skill lists one write replaces, with the effects the change owes. */
export type SkillListsChange = {
  teachingSkills?: TeachingSkill[];
  learningSkills?: LearningSkill[];
  effects: OwedEffect[];
};

const oid = (id: string | Types.ObjectId) => (typeof id === 'string' ? new Types.ObjectId(id) : id);

/** The one writer of learner profiles: every guard a rule needs sits in its write's filter. */
@Injectable()
export class LearnerProfilesRepository {
  constructor(@InjectModel(LearnerProfile.name) readonly model: Model<LearnerProfile>) {}

  findByUser(userId: string): Promise<LearnerProfile | null> {
    return this.model.findOne({ userId: oid(userId) }, { effects: 0 }).lean<LearnerProfile>();
  }

  /** The user's profile, made empty on first use; two first uses at once make one (the unique userId). */
  async ensure(userId: string): Promise<LearnerProfile> {
    const existing = await this.findByUser(userId);
    if (existing) return existing;
    await this.model
      .updateOne({ userId: oid(userId) }, { $setOnInsert: { teachingSkills: [], learningSkills: [], revision: 0 } }, { upsert: true })
      .catch((error: unknown) => {
        if (!isDuplicateKey(error)) throw error;
      });
    return (await this.findByUser(userId))!;
  }

  /**
   * Replaces skill lists if nobody changed them since `revision` was read, with the owed effects in the same
   * update; null when someone did. Done effects are dropped first (they are history), so the array stays short.
   */
  async replaceSkillLists(profile: LearnerProfile, change: SkillListsChange, at: Date): Promise<LearnerProfile | null> {
    await this.model.updateOne({ _id: profile._id }, { $pull: { effects: { state: 'done' } } });
    const set: Partial<LearnerProfile> = {};
    if (change.teachingSkills) Object.assign(set, { teachingSkills: change.teachingSkills, teachingChangedAt: at });
    if (change.learningSkills) set.learningSkills = change.learningSkills;
    return this.model
      .findOneAndUpdate(
        { _id: profile._id, revision: profile.revision },
        { $set: set, $inc: { revision: 1 }, $push: { effects: { $each: change.effects } } },
        { returnDocument: 'after' },
      )
      .lean<LearnerProfile>();
  }

  async setAvailability(userId: string, availability: Availability): Promise<LearnerProfile> {
    return (await this.model
      .findOneAndUpdate(
        { userId: oid(userId) },
        { $set: { availability }, $setOnInsert: { teachingSkills: [], learningSkills: [], revision: 0 } },
        { upsert: true, returnDocument: 'after', projection: { effects: 0 } },
      )
      .lean<LearnerProfile>())!;
  }

  /**
   * Marks one teaching skill verified, as staff saw it: the profile's revision is in the filter, so a verify never
   * lands on a level staff did not review, and the bumped revision makes a concurrent replacement of
   * the list (which compares the revision it read) start again rather than write back the unverified skill. Null when
   * the profile changed or the user does not teach the skill.
   */
  verify(userId: string, seen: { skillId: string; revision: number }, staffId: string, at: Date): Promise<LearnerProfile | null> {
    return this.model
      .findOneAndUpdate(
        {
          userId: oid(userId),
          // The revision read pins the whole list, the skill's level with it.
          revision: seen.revision,
          'teachingSkills.skill': oid(seen.skillId),
        } as QueryFilter<LearnerProfile>,
        {
          $set: {
            'teachingSkills.$.verification': { isVerified: true, verifiedBy: oid(staffId), verifiedAt: at },
          },
          $inc: { revision: 1 },
        },
        { returnDocument: 'after', projection: { effects: 0 } },
      )
      .lean<LearnerProfile>();
  }

  /**
   * Sets a teacher's standing only when it is newer than the one kept (the guard is in the filter), so a
   * replay or an older event arriving late changes nothing. A teacher without a profile gets one.
   */
  async setStanding(userId: string, standing: TeachingStanding & { standingAt: Date }): Promise<boolean> {
    const newer = {
      userId: oid(userId),
      $or: [{ 'standing.standingAt': trusted({ $exists: false }) }, { 'standing.standingAt': trusted({ $lt: standing.standingAt }) }],
    } as QueryFilter<LearnerProfile>;
    try {
      const result = await this.model.updateOne(
        newer,
        { $set: { standing }, $setOnInsert: { teachingSkills: [], learningSkills: [], revision: 0 } },
        { upsert: true },
      );
      return result.modifiedCount + result.upsertedCount > 0;
    } catch (error) {
      // The upsert met the unique userId: the profile exists with a standing as new or newer.
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /** A skill left the catalogue: no list keeps it. */
  async pullSkill(skillId: string): Promise<number> {
    const skill = oid(skillId);
    const result = await this.model.updateMany(
      { $or: [{ 'teachingSkills.skill': skill }, { 'learningSkills.skill': skill }] } as QueryFilter<LearnerProfile>,
      { $pull: { teachingSkills: { skill }, learningSkills: { skill } }, $inc: { revision: 1 } },
    );
    return result.modifiedCount;
  }

  /**
   * Deletes the profile once it owes nothing more (its last skill-holder counts delivered). False when effects are
   * still pending on it; true when it is gone, or was already.
   */
  async eraseSettled(userId: string): Promise<boolean> {
    const settled = { userId: oid(userId), 'effects.state': trusted({ $ne: 'pending' }) } as QueryFilter<LearnerProfile>;
    if ((await this.model.deleteOne(settled)).deletedCount > 0) return true;
    return !(await this.model.exists({ userId: oid(userId) }));
  }
}
