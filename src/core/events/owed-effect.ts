import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Schema as MongooseSchema } from 'mongoose';

export const EFFECT_STATES = ['pending', 'done', 'dead'] as const;
export type EffectState = (typeof EFFECT_STATES)[number];

/** What a change asks for: the relay runs `name` with `payload`; `key` is the handler's dedupe key. */
export interface EffectRequest {
  key: string;
  name: string;
  payload: Record<string, unknown>;
}

/**
 * An effect a change owes (an invoice, an email, an event), stored on the changed document in the
 * same write as the change, so no crash can keep one and lose the other.
 */
@Schema({ _id: false })
export class OwedEffect {
  @Prop({ required: true, maxlength: 200 }) key: string;
  @Prop({ required: true, maxlength: 100 }) name: string;
  @Prop({ type: Object, default: {} }) payload: Record<string, unknown>;
  @Prop({ type: String, enum: EFFECT_STATES, default: 'pending' }) state: EffectState;
  @Prop({ default: 0 }) attempts: number;
  @Prop({ required: true }) dueAt: Date;
  @Prop() leaseUntil?: Date;
  @Prop() doneAt?: Date;
  @Prop({ maxlength: 1000 }) lastError?: string;
}

export const OwedEffectSchema = SchemaFactory.createForClass(OwedEffect);

/** The documents of a collection that may owe effects. */
export interface EffectCarrier {
  effects?: OwedEffect[];
}

export function owedEffects(requests: readonly EffectRequest[] | undefined, now = new Date()): OwedEffect[] {
  return (requests ?? []).map(({ key, name, payload }) => ({ key, name, payload, state: 'pending', attempts: 0, dueAt: now }));
}

/** Adds `effects` to a schema, with the index the relay's sweep reads (due, pending effects). */
export function carryEffects(schema: MongooseSchema): void {
  schema.add({ effects: { type: [OwedEffectSchema], default: undefined } });
  // EffectsRelay.sweep: documents with a pending effect that is due.
  schema.index({ 'effects.state': 1, 'effects.dueAt': 1 }, { sparse: true });
}
