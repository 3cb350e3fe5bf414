import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model, type UpdateQuery } from 'mongoose';
import { EffectsRelay, owedEffects, type EffectRequest } from '../../core/events/index.js';
import { Tenant } from './schemas/tenant.schema.js';

const OPEN = { active: true } as const;

/** The one writer of tenants: settings, plan, owner count and closing, each guarded in its filter. */
@Injectable()
export class TenantsRepository {
  constructor(
    @InjectModel(Tenant.name) readonly model: Model<Tenant>,
    private readonly relay: EffectsRelay,
  ) {}

  findOpen(id: Types.ObjectId) {
    return this.model.findOne({ _id: id, ...OPEN }).lean<Tenant>();
  }

  /** An open tenant's plan (null when closed or unknown): what the tenant guard reads once per request. */
  openPlan(id: Types.ObjectId): Promise<Pick<Tenant, 'planKey'> | null> {
    return this.model.findOne({ _id: id, ...OPEN }, { _id: 0, planKey: 1 }).lean<Pick<Tenant, 'planKey'>>();
  }

  async insert(tenant: Omit<Tenant, 'createdAt' | 'updatedAt' | 'effects' | 'planOrigin' | 'closedAt' | 'closedBy' | 'closedSlug'>) {
    return (await this.model.create(tenant)).toObject<Tenant>();
  }

  update(id: Types.ObjectId, set: Record<string, unknown>) {
    return this.model.findOneAndUpdate({ _id: id, ...OPEN }, { $set: set }, { returnDocument: 'after' }).lean<Tenant>();
  }

  /**
   * Sets the plan once per billing change: a change already applied (same event, or the same plan
   * from the same subscription) is a no-op, and an older change never overwrites a newer one.
   */
  async setPlan(id: Types.ObjectId, planKey: string, origin: { subscriptionId?: string; eventId?: string }, at = new Date()) {
    const sameChange = origin.eventId
      ? { 'planOrigin.eventId': origin.eventId }
      : { planKey, 'planOrigin.subscriptionId': origin.subscriptionId ?? null };
    await this.model.updateOne(
      { _id: id, $nor: [sameChange] },
      { $set: { planKey, planOrigin: { subscriptionId: origin.subscriptionId, eventId: origin.eventId, changedAt: at } } },
    );
  }

  /** Counts one more owner, after the membership became one. */
  async ownerAdded(id: Types.ObjectId): Promise<void> {
    await this.model.updateOne({ _id: id }, { $inc: { ownerCount: 1 } });
  }

  /** Counts one owner less, only while another remains; false means this one is the last. */
  async ownerLeaving(id: Types.ObjectId): Promise<boolean> {
    const result = await this.model.updateOne({ _id: id, ownerCount: trusted({ $gt: 1 }) }, { $inc: { ownerCount: -1 } });
    return result.modifiedCount === 1;
  }

  /** The owner count after the last owner's account was deleted and nobody can succeed: the tenant is closing. */
  async ownerGone(id: Types.ObjectId): Promise<void> {
    await this.model.updateOne({ _id: id, ownerCount: trusted({ $gt: 0 }) }, { $inc: { ownerCount: -1 } });
  }

  async membersChanged(id: Types.ObjectId, by: number): Promise<void> {
    await this.model.updateOne({ _id: id }, { $inc: { memberCount: by } });
  }

  /** Owes effects on the tenant (events, invite emails) and delivers them at once; the sweep retries the rest. */
  async owe(id: Types.ObjectId, effects: readonly EffectRequest[]): Promise<void> {
    if (effects.length === 0) return;
    const document = await this.model
      .findOneAndUpdate({ _id: id }, { $push: { effects: { $each: owedEffects(effects) } } } as UpdateQuery<Tenant>, {
        returnDocument: 'after',
        projection: { effects: 1 },
      })
      .lean<Tenant>();
    if (document) await this.relay.deliver(this.model, document);
  }

  /**
   * Closes an open tenant, with what the close owes, in one update: the slug is given up so it can
   * be taken again. Null when it was not open (closed by someone else a moment ago).
   */
  close(id: Types.ObjectId, by: string | undefined, effects: (tenant: { slug?: string }) => readonly EffectRequest[], at = new Date()) {
    return this.model
      .findOne({ _id: id, ...OPEN }, { slug: 1 })
      .lean<Pick<Tenant, '_id' | 'slug'>>()
      .then((open) => {
        if (!open) return null;
        return this.model
          .findOneAndUpdate(
            { _id: id, ...OPEN },
            {
              $set: { active: false, closedAt: at, ...(by ? { closedBy: new Types.ObjectId(by) } : {}), closedSlug: open.slug },
              $unset: { slug: 1 },
              $push: { effects: { $each: owedEffects(effects(open), at) } },
            } as UpdateQuery<Tenant>,
            { returnDocument: 'after' },
          )
          .lean<Tenant>();
      });
  }

  /** Removes a delivered effect's secret (an invite token) once its email is queued. */
  async scrubEffect(id: Types.ObjectId, key: string, field: string): Promise<void> {
    await this.model.updateOne({ _id: id }, { $unset: { [`effects.$[e].payload.${field}`]: 1 } }, { arrayFilters: [{ 'e.key': key }] });
  }

  /** Done effects stay on the tenant until this prunes them, so the document does not grow with its history. */
  async pruneDoneEffects(before: Date): Promise<number> {
    const result = await this.model.updateMany({ effects: trusted({ $elemMatch: { state: 'done', doneAt: { $lte: before } } }) }, {
      $pull: { effects: { state: 'done', doneAt: trusted({ $lte: before }) } },
    } as UpdateQuery<Tenant>);
    return result.modifiedCount;
  }
}
