import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type AnyBulkWriteOperation, type Model, type QueryFilter, type UpdateQuery } from 'mongoose';
import type { OwedEffect } from '../../core/events/index.js';
import { Skill } from './schemas/skill.schema.js';

/** Every read and write skips tombstones: a removed skill no longer exists for anyone. */
export const LIVE = { status: trusted({ $ne: 'removed' }) } as QueryFilter<Skill>;

const newerThan = (field: string, at: Date) => ({ $or: [{ [field]: null }, { [field]: trusted({ $lt: at }) }] });

/**
 * The one writer of the skills collection: staff's edits, the numbers other contexts report, the ranking job and a
 * removal. Each write carries its guard in the filter, so a rule holds whichever instance writes at the same time.
 */
@Injectable()
export class SkillsRepository {
  constructor(@InjectModel(Skill.name) readonly model: Model<Skill>) {}

  async insert(document: Partial<Skill>): Promise<Skill> {
    return (await this.model.create(document)).toObject();
  }

  /**
   * Staff's edit of a live skill; null when there is none (any more) or, given `prerequisitesRead`, when its
   * prerequisites are no longer those (a compare-and-set: the edit's cycle check read the graph with them).
   */
  update(id: Types.ObjectId, update: UpdateQuery<Skill>, prerequisitesRead?: Types.ObjectId[]): Promise<Skill | null> {
    const filter = { _id: id, ...LIVE, ...(prerequisitesRead ? { prerequisites: trusted({ $eq: prerequisitesRead }) } : {}) };
    return this.model
      .findOneAndUpdate(filter as QueryFilter<Skill>, update, { returnDocument: 'after', runValidators: true })
      .lean<Skill>();
  }

  /**
   * Undoes an edit that turned out to close a cycle with a concurrent one, if nobody changed the prerequisites since:
   * every field the edit wrote gets its previous value back (or goes, when it had none).
   */
  async restore(id: Types.ObjectId, written: Types.ObjectId[], previous: Skill, fields: (keyof Skill)[]): Promise<void> {
    const set: Record<string, unknown> = {};
    const unset: Record<string, 1> = {};
    for (const field of fields) {
      if (previous[field] === undefined) unset[field] = 1;
      else set[field] = previous[field];
    }
    await this.model.updateOne({ _id: id, prerequisites: trusted({ $eq: written }) } as QueryFilter<Skill>, {
      ...(Object.keys(set).length > 0 ? { $set: set } : {}),
      ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}),
    });
  }

  /**
   * A deleted skill becomes a tombstone in the same write that records what the removal owes; its slug is freed at
   * once. The tombstone goes when its effects ran (`purgeRemoved`).
   */
  tombstone(id: Types.ObjectId, effects: OwedEffect[], now: Date): Promise<Skill | null> {
    return this.model
      .findOneAndUpdate(
        { _id: id, ...LIVE } as QueryFilter<Skill>,
        {
          $set: { status: 'removed', removedAt: now, slug: `removed-${id.toString()}`, searchTerms: [] },
          $push: { effects: { $each: effects } },
        },
        { returnDocument: 'after', projection: { effects: 1, name: 1 } },
      )
      .lean<Skill>();
  }

  /** A removed skill leaves every list that names it; idempotent for the relay. */
  async detach(removedId: Types.ObjectId): Promise<number> {
    const result = await this.model.updateMany(
      { $or: [{ 'relatedSkills.skill': removedId }, { prerequisites: removedId }] } as QueryFilter<Skill>,
      { $pull: { relatedSkills: { skill: removedId }, prerequisites: removedId } },
    );
    return result.modifiedCount;
  }

  /** Learning's count of teachers and learners; only a newer count than the one kept changes anything. */
  async setHolders(id: Types.ObjectId, teachers: number, learners: number, countedAt: Date): Promise<boolean> {
    const result = await this.model.updateOne(
      { _id: id, ...LIVE, ...newerThan('stats.holdersCountedAt', countedAt) } as QueryFilter<Skill>,
      { $set: { 'stats.totalTeachers': teachers, 'stats.totalLearners': learners, 'stats.holdersCountedAt': countedAt } },
    );
    return result.modifiedCount === 1;
  }

  /** Sessions' rating of the skill; only a newer standing than the one kept changes anything. */
  async setStanding(id: Types.ObjectId, rating: number, ratingCount: number, completed: number, at: Date): Promise<boolean> {
    const result = await this.model.updateOne({ _id: id, ...LIVE, ...newerThan('stats.standingAt', at) } as QueryFilter<Skill>, {
      $set: {
        'stats.avgRating': rating,
        'stats.ratingCount': ratingCount,
        'stats.completedSessions': completed,
        'stats.standingAt': at,
      },
    });
    return result.modifiedCount === 1;
  }

  /** The ranking job's results, unordered: each skill's rank and trend are its own. */
  async writeRanks(
    rows: { id: Types.ObjectId; rank: number; trendingScore: number; learners: number; ratings: number }[],
  ): Promise<number> {
    if (rows.length === 0) return 0;
    const operations: AnyBulkWriteOperation<Skill>[] = rows.map((row) => ({
      updateOne: {
        filter: { _id: row.id, ...LIVE } as QueryFilter<Skill>,
        update: {
          $set: {
            'stats.popularityRank': row.rank,
            trendingScore: row.trendingScore,
            'stats.learnersAtLastRank': row.learners,
            'stats.ratingsAtLastRank': row.ratings,
          },
        },
      },
    }));
    const result = await this.model.bulkWrite(operations, { ordered: false });
    return result.modifiedCount;
  }

  /** Tombstones whose removal owes nothing more (every effect done or dead) are deleted for good. */
  async purgeRemoved(): Promise<number> {
    const result = await this.model.deleteMany({ status: 'removed', 'effects.state': trusted({ $ne: 'pending' }) } as QueryFilter<Skill>);
    return result.deletedCount;
  }
}
