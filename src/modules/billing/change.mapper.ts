import type { Types } from 'mongoose';
import { idOf, iso } from '../../core/http/serialize.js';
import type { ChangeSource } from './schemas/transaction.schema.js';

interface StoredChange<S extends string> {
  from?: S | null;
  to: S;
  at: Date;
  source: ChangeSource;
  actorId?: Types.ObjectId;
  eventId?: string;
}

/** The part of an audit entry every billing resource answers alike (payments add the client, subscriptions the event time). */
export const toChangeDto = <S extends string>(change: StoredChange<S>) => ({
  from: change.from ?? null,
  to: change.to,
  at: iso(change.at)!,
  source: change.source,
  actorId: idOf(change.actorId),
  eventId: change.eventId,
});
