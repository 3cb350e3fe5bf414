import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model, type QueryFilter } from 'mongoose';
import { EffectsRelay } from '../../../core/events/index.js';
import type { PaymentEvent, PaymentRefundedEvent } from '../../billing/index.js';
import { LearningSession } from '../schemas/learning-session.schema.js';

type PricingFacts = Pick<LearningSession, '_id' | 'participants' | 'pricing' | 'status'>;

/**
 * A payment carries its session: when a succeeded payment names a session, was made by its learner and is for
 * exactly its price, the session records the transaction and shows itself paid; the refund of that transaction
 * shows it refunded. Anything else (another payer, another amount, a session already paid by another
 * transaction) is logged and changes nothing. Idempotent for the relay: the writes set absolute values.
 */
@Injectable()
export class SessionsBillingListeners implements OnModuleInit {
  private readonly logger = new Logger(SessionsBillingListeners.name);

  constructor(
    @InjectModel(LearningSession.name) private readonly sessions: Model<LearningSession>,
    private readonly relay: EffectsRelay,
  ) {}

  onModuleInit(): void {
    this.relay.on('payment.succeeded', 'sessions', (event) => this.paid(event));
    this.relay.on('payment.refunded', 'sessions', (event) => this.refunded(event));
  }

  private async paid(event: PaymentEvent): Promise<void> {
    const session = await this.sessionOf(event);
    if (!session) return;
    const { pricing } = session;
    // A payment for a session that will not take place stays unlinked, for staff to refund.
    if (session.status === 'cancelled' || session.status === 'no_show') return this.ignore(event, `the session is ${session.status}`);
    if (session.participants.learner.toString() !== event.userId) return this.ignore(event, 'the payer is not its learner');
    if (pricing.amount !== event.amount || pricing.currency.toUpperCase() !== event.currency.toUpperCase())
      return this.ignore(event, `the amount is not its price (${pricing.amount} ${pricing.currency})`);
    // Linked once: a session another transaction already paid keeps that one.
    const linked = await this.sessions.updateOne(
      { _id: session._id, 'pricing.transactionId': trusted({ $in: [null, event.transactionId] }) } as QueryFilter<LearningSession>,
      { $set: { 'pricing.transactionId': event.transactionId, 'pricing.paymentStatus': 'paid' } },
    );
    if (linked.matchedCount === 0) this.ignore(event, `it is already paid by ${String(pricing.transactionId)}`);
  }

  private async refunded(event: PaymentRefundedEvent): Promise<void> {
    const session = await this.sessionOf(event);
    if (!session || session.pricing.transactionId !== event.transactionId) return;
    // A partial refund leaves the session paid; the payment's status after the refund says which it was.
    if (event.status !== 'refunded') return;
    await this.sessions.updateOne(
      { _id: session._id, 'pricing.transactionId': event.transactionId },
      { $set: { 'pricing.paymentStatus': 'refunded' } },
    );
  }

  private async sessionOf(event: PaymentEvent): Promise<PricingFacts | undefined> {
    if (!event.sessionId || !Types.ObjectId.isValid(event.sessionId)) return undefined;
    const session = await this.sessions
      .findById(new Types.ObjectId(event.sessionId), { participants: 1, pricing: 1, status: 1 })
      .lean<PricingFacts>();
    if (!session) this.ignore(event, 'no such session');
    return session ?? undefined;
  }

  private ignore(event: PaymentEvent, why: string): void {
    this.logger.warn(`payment ${event.transactionId} names session ${String(event.sessionId)}, left unlinked: ${why}`);
  }
}
