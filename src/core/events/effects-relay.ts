import { Injectable, Logger } from '@nestjs/common';
import { trusted, type Model, type Types } from 'mongoose';
import { ACROSS_TENANTS } from '../database/tenant-scoped.js';
import type { EventName, EventPayload } from './event-catalogue.js';
import type { EffectCarrier, EffectRequest, OwedEffect } from './owed-effect.js';

/** Runs one owed effect. It must be idempotent by `key`: a crash after it ran and before it was marked done runs it again. */
export type EffectHandler = (payload: Record<string, unknown>, key: string) => Promise<void>;

interface Carrier {
  _id: Types.ObjectId;
  effects?: OwedEffect[];
}

export interface RelayOptions {
  maxAttempts: number;
  retryBaseMs: number;
  leaseMs: number;
}

const SWEEP_BATCH = 100;

/**
 * Delivers the effects that changes owe. Each effect is claimed with a lease in one atomic update
 * of its document, so with several instances each runs once at a time; a failure retries with
 * doubling backoff until `maxAttempts`, then the effect is `dead` and shows in GET /api/admin/jobs.
 * Writers call `deliver` right after their write (effects are prompt); the scheduled sweep picks up
 * whatever a crash or a failure left behind.
 */
@Injectable()
export class EffectsRelay {
  private readonly logger = new Logger(EffectsRelay.name);
  private readonly handlers = new Map<string, EffectHandler>();
  private readonly carriers = new Set<Model<Carrier>>();
  options: RelayOptions = { maxAttempts: 8, retryBaseMs: 5_000, leaseMs: 60_000 };

  private readonly subscribers = new Map<string, string[]>();

  /** A module names the handler of an effect it owes itself (issue an invoice). */
  handle(name: string, handler: EffectHandler): void {
    if (this.handlers.has(name)) throw new Error(`effect ${name} has two handlers`);
    this.handlers.set(name, handler);
  }

  /**
   * Another context reacts to an event. Each subscriber gets an effect of its own, so a failing
   * listener is retried alone and never repeats another's work.
   */
  on<N extends EventName>(event: N, subscriber: string, handler: (payload: EventPayload<N>, key: string) => Promise<void>): void {
    this.handle(`${event}>${subscriber}`, (payload, key) => handler(payload as unknown as EventPayload<N>, key));
    this.subscribers.set(event, [...(this.subscribers.get(event) ?? []), subscriber]);
  }

  /** The effects an event owes: one per subscriber, keyed `<key>>subscriber`. Write them with the change. */
  owe<N extends EventName>(event: N, payload: EventPayload<N>, key: string): EffectRequest[] {
    return (this.subscribers.get(event) ?? []).map((subscriber) => ({
      key: `${key}>${subscriber}`,
      name: `${event}>${subscriber}`,
      payload: payload as unknown as Record<string, unknown>,
    }));
  }

  /** A collection whose documents carry owed effects (see carryEffects). */
  carry<T extends EffectCarrier>(model: Model<T>): void {
    this.carriers.add(model as unknown as Model<Carrier>);
  }

  /** The collections that carry owed effects, for their backlog gauges. */
  carrierModels(): Model<EffectCarrier>[] {
    return [...this.carriers] as unknown as Model<EffectCarrier>[];
  }

  /**
   * Runs the due effects of one document now, for promptness. It never fails its caller: the change
   * is already written with what it owes, so whatever fails here (even the database) stays owed for the sweep.
   */
  async deliver<T extends EffectCarrier>(model: Model<T>, document: { _id: Types.ObjectId; effects?: OwedEffect[] }): Promise<void> {
    const carrier = model as unknown as Model<Carrier>;
    const now = Date.now();
    for (const effect of document.effects ?? []) {
      if (effect.state !== 'pending' || effect.dueAt.getTime() > now) continue;
      await this.runOne(carrier, document._id, effect.key).catch((error: unknown) => {
        this.logger.warn(
          `effect ${effect.name} (${effect.key}) left to the sweep: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
    }
  }

  /** One pass over every carrier: due effects, oldest first. Returns how many ran to success. */
  // The relay's reads and claims span tenants by nature (a carrier may be tenant-scoped): they say so.
  async sweep(limit = SWEEP_BATCH): Promise<number> {
    let done = 0;
    for (const model of this.carriers) {
      const now = new Date();
      const due = await model
        .find({ effects: trusted({ $elemMatch: { state: 'pending', dueAt: { $lte: now } } }) }, { effects: 1 })
        .setOptions(ACROSS_TENANTS)
        .limit(limit)
        .lean<Carrier[]>();
      for (const document of due) {
        for (const effect of document.effects ?? []) {
          if (effect.state !== 'pending' || effect.dueAt > now) continue;
          if (await this.runOne(model, document._id, effect.key)) done++;
        }
      }
    }
    return done;
  }

  /** Effects that ran out of attempts, for the operators' view. */
  async dead(): Promise<{ collection: string; id: string; key: string; name: string; attempts: number; lastError?: string }[]> {
    const found = [];
    for (const model of this.carriers) {
      const documents = await model
        .find({ 'effects.state': 'dead' }, { effects: 1 })
        .setOptions(ACROSS_TENANTS)
        .limit(50)
        .lean<Carrier[]>();
      for (const document of documents)
        for (const effect of document.effects ?? [])
          if (effect.state === 'dead')
            found.push({
              collection: model.collection.collectionName,
              id: document._id.toString(),
              key: effect.key,
              name: effect.name,
              attempts: effect.attempts,
              lastError: effect.lastError,
            });
    }
    return found;
  }

  private async runOne(model: Model<Carrier>, id: Types.ObjectId, key: string): Promise<boolean> {
    const now = new Date();
    const claimed = await model
      .findOneAndUpdate(
        {
          _id: id,
          effects: trusted({
            $elemMatch: { key, state: 'pending', dueAt: { $lte: now }, $or: [{ leaseUntil: null }, { leaseUntil: { $lte: now } }] },
          }),
        },
        { $set: { 'effects.$[e].leaseUntil': new Date(now.getTime() + this.options.leaseMs) }, $inc: { 'effects.$[e].attempts': 1 } },
        { arrayFilters: [{ 'e.key': key }], returnDocument: 'after', projection: { effects: 1 }, ...ACROSS_TENANTS },
      )
      .lean<Carrier>();
    const effect = claimed?.effects?.find((candidate) => candidate.key === key);
    if (!effect) return false; // another instance holds it, or it is done
    const handler = this.handlers.get(effect.name);
    try {
      if (!handler) throw new Error(`no handler for effect ${effect.name}`);
      await handler(effect.payload, key);
      await model.updateOne(
        { _id: id },
        { $set: { 'effects.$[e].state': 'done', 'effects.$[e].doneAt': new Date() }, $unset: { 'effects.$[e].leaseUntil': 1 } },
        { arrayFilters: [{ 'e.key': key }], ...ACROSS_TENANTS },
      );
      return true;
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      const dead = effect.attempts >= this.options.maxAttempts;
      const backoff = this.options.retryBaseMs * 2 ** (effect.attempts - 1) * (0.75 + Math.random() / 2);
      await model.updateOne(
        { _id: id },
        {
          $set: {
            'effects.$[e].state': dead ? 'dead' : 'pending',
            'effects.$[e].dueAt': new Date(Date.now() + backoff),
            'effects.$[e].lastError': message,
          },
          $unset: { 'effects.$[e].leaseUntil': 1 },
        },
        { arrayFilters: [{ 'e.key': key }], ...ACROSS_TENANTS },
      );
      this.logger.warn(`effect ${effect.name} (${key}) failed, attempt ${effect.attempts}${dead ? ', now dead' : ''}: ${message}`);
      return false;
    }
  }
}
