import { Types } from 'mongoose';
import type { ClientInfo } from '../../core/http/client-info.js';
import { ValidationProblem } from '../../core/http/problem.js';
import type { PaymentStatus } from './payment-lifecycle.js';
import type { ChangeSource, Transaction } from './schemas/transaction.schema.js';

/** Where a change of a payment or subscription came from, for its audit trail. */
export interface ChangeOrigin {
  source: ChangeSource;
  actorId?: string;
  eventId?: string;
  /** The provider's time of that event; subscription changes apply only in its order. */
  eventAt?: Date;
  reason?: string;
  client?: ClientInfo;
}

/** One entry of a payment's audit trail. */
export function paymentChange(from: PaymentStatus | null, to: PaymentStatus, origin: ChangeOrigin) {
  return {
    from,
    to,
    at: new Date(),
    source: origin.source,
    actorId: origin.actorId ? new Types.ObjectId(origin.actorId) : undefined,
    eventId: origin.eventId,
    reason: origin.reason,
    ip: origin.client?.ip,
    userAgent: origin.client?.userAgent,
  };
}

/** Whether this provider event is the one that moved the payment to this status. */
export const movedBy = (transaction: Transaction, to: PaymentStatus, eventId: string): boolean =>
  (transaction.audit ?? []).some((change) => change.to === to && change.eventId === eventId);

const MAX_METADATA_KEYS = 20;

export function assertMetadata(metadata: Record<string, unknown> | undefined): void {
  if (!metadata) return;
  const entries = Object.entries(metadata);
  if (
    entries.length > MAX_METADATA_KEYS ||
    entries.some(([key, value]) => typeof value !== 'string' || value.length > 500 || key.length > 40)
  ) {
    throw new ValidationProblem([
      { field: 'metadata', message: `must hold at most ${MAX_METADATA_KEYS} string values of up to 500 characters` },
    ]);
  }
}
