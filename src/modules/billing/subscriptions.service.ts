import { HttpStatus, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model } from 'mongoose';
import { assertMayAccess } from '../../core/auth/ownership.js';
import type { Actor } from '../../core/auth/roles.js';
import { IllegalTransitionProblem, ProblemException, ValidationProblem } from '../../core/http/problem.js';
import { UsersService } from '../identity/users.service.js';
import { BillingEvents } from './billing.events.js';
import type { CreateSubscriptionDto, SubscriptionDto } from './dto/subscription.dto.js';
import { refusalOf, subscriptionChange, toSubscriptionDto } from './subscription-changes.js';
import type { ProviderOutcome } from './provider-outcome.js';
import { PLANS } from './plans.js';
import { PAYMENT_PROVIDER, type PaymentProvider } from './providers/payment-provider.js';
import { Subscription, type SubscriptionStatus } from './schemas/subscription.schema.js';
import { TransactionsService, type ChangeOrigin } from './transactions.service.js';

const MOVE_ATTEMPTS = 5;

@Injectable()
export class SubscriptionsService {
  constructor(
    @InjectModel(Subscription.name) private readonly subscriptions: Model<Subscription>,
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
    private readonly payments: TransactionsService,
    private readonly users: UsersService,
    private readonly events: EventEmitter2,
  ) {}

  async create(actor: Actor, input: CreateSubscriptionDto): Promise<SubscriptionDto> {
    const plan = PLANS[input.plan];
    if (plan.itemType === 'agent' && !input.agentId)
      throw new ValidationProblem([{ field: 'agentId', message: 'is required for the agent plan' }]);
    const itemId = plan.itemType === 'agent' ? input.agentId! : plan.key;
    const userId = new Types.ObjectId(actor.id);
    const active = await this.subscriptions.exists({
      userId,
      itemType: plan.itemType,
      itemId,
      status: trusted({ $in: ['trialing', 'active', 'past_due'] }),
    });
    if (active)
      throw new ProblemException(
        HttpStatus.CONFLICT,
        'already-subscribed',
        'Already subscribed',
        `There is already a live subscription to ${itemId}.`,
      );
    const { email } = await this.users.getMe(actor);
    const _id = new Types.ObjectId();
    const created = await this.provider.createSubscription({
      email,
      planKey: plan.key,
      amount: plan.amount,
      currency: plan.currency,
      interval: plan.interval,
      idempotencyKey: `subscription:${_id.toString()}`,
    });
    const subscription = await this.subscriptions.create({
      _id,
      userId,
      itemType: plan.itemType,
      itemId,
      plan: plan.key,
      amount: plan.amount,
      currency: plan.currency,
      interval: plan.interval,
      status: created.status,
      currentPeriodStart: created.periodStart,
      currentPeriodEnd: created.periodEnd,
      provider: this.provider.name,
      providerSubscriptionId: created.id,
      providerCustomerId: created.customerId,
      audit: [subscriptionChange(null, created.status, { source: 'api', actorId: actor.id })],
    });
    // The embedded provider charges at once; Stripe's charges arrive as invoice.paid events.
    if (this.provider.name === 'mock' && created.status === 'active') {
      await this.payments.recordCharge(
        { userId, amount: plan.amount, currency: plan.currency, subscriptionId: _id, description: `${plan.name} subscription` },
        { source: 'api', actorId: actor.id },
      );
    }
    this.events.emit(BillingEvents.subscriptionChanged, { subscriptionId: _id.toString(), userId: actor.id, status: created.status });
    return toSubscriptionDto(subscription.toObject());
  }

  async listMine(actor: Actor): Promise<SubscriptionDto[]> {
    const items = await this.subscriptions
      .find({ userId: new Types.ObjectId(actor.id) })
      .sort({ createdAt: -1 })
      .limit(100)
      .lean<Subscription[]>();
    return items.map(toSubscriptionDto);
  }

  async get(actor: Actor, id: string): Promise<SubscriptionDto> {
    return toSubscriptionDto(await this.findFor(actor, id));
  }

  /** Cancels at the end of the paid period (the customer keeps what they paid for); resume undoes it. */
  async setCancelAtPeriodEnd(actor: Actor, id: string, cancel: boolean): Promise<SubscriptionDto> {
    const subscription = await this.findFor(actor, id);
    if (subscription.status === 'canceled')
      throw new ProblemException(
        HttpStatus.CONFLICT,
        'subscription-ended',
        'Subscription ended',
        'A canceled subscription cannot change; subscribe again.',
      );
    if (subscription.providerSubscriptionId) await this.provider.setCancelAtPeriodEnd(subscription.providerSubscriptionId, cancel);
    const updated = await this.subscriptions
      .findOneAndUpdate({ _id: subscription._id }, { $set: { cancelAtPeriodEnd: cancel } }, { returnDocument: 'after' })
      .lean<Subscription>();
    return toSubscriptionDto(updated!);
  }

  /**
   * The provider's word on a subscription (customer.subscription.*, invoice.*): applied only when the
   * event is not older than the last change applied, and only along the lifecycle; otherwise it is
   * ignored with the reason. The check and the write are one conditional update, so two events
   * racing each other cannot both win.
   */
  async applyProviderState(
    providerSubscriptionId: string,
    state: { status: SubscriptionStatus; periodStart?: Date; periodEnd?: Date; cancelAtPeriodEnd?: boolean },
    origin: ChangeOrigin,
  ): Promise<ProviderOutcome> {
    const eventAt = origin.eventAt ?? new Date();
    for (let attempt = 0; attempt < MOVE_ATTEMPTS; attempt++) {
      const current = await this.subscriptions.findOne({ providerSubscriptionId }).lean<Subscription>();
      if (!current) return 'unknown';
      const refusal = refusalOf(current, state.status, eventAt);
      if (refusal) return { ignored: refusal };
      const $set: Record<string, unknown> = { status: state.status, providerEventAt: eventAt };
      if (state.periodStart) $set.currentPeriodStart = state.periodStart;
      if (state.periodEnd) $set.currentPeriodEnd = state.periodEnd;
      if (state.cancelAtPeriodEnd !== undefined) $set.cancelAtPeriodEnd = state.cancelAtPeriodEnd;
      if (state.status === 'canceled') $set.canceledAt = new Date();
      const updated = await this.subscriptions
        .findOneAndUpdate(
          {
            _id: current._id,
            status: current.status,
            $or: [{ providerEventAt: null }, { providerEventAt: trusted({ $lte: eventAt }) }],
          },
          { $set, $push: { audit: subscriptionChange(current.status, state.status, origin) } },
          { returnDocument: 'after' },
        )
        .lean<Subscription>();
      if (!updated) continue;
      this.events.emit(BillingEvents.subscriptionChanged, {
        subscriptionId: updated._id.toString(),
        userId: updated.userId.toString(),
        status: updated.status,
      });
      return 'applied';
    }
    throw new IllegalTransitionProblem('subscription', 'a concurrently changed state', state.status);
  }

  /**
   * invoice.paid: the period's charge becomes a succeeded subscription payment with its invoice, once
   * per provider invoice; the subscription becomes active where order and lifecycle allow. A late
   * invoice is still money paid: its charge is recorded even when the status change is refused.
   */
  async recordPaidInvoice(
    providerSubscriptionId: string,
    invoice: { invoiceId: string; amountPaid: number },
    origin: ChangeOrigin,
  ): Promise<ProviderOutcome> {
    const subscription = await this.subscriptions.findOne({ providerSubscriptionId }).lean<Subscription>();
    if (!subscription) return 'unknown';
    const status = await this.applyProviderState(providerSubscriptionId, { status: 'active' }, origin);
    if (invoice.amountPaid <= 0) return status;
    const { created } = await this.payments.recordCharge(
      {
        userId: subscription.userId,
        amount: invoice.amountPaid,
        currency: subscription.currency,
        subscriptionId: subscription._id,
        description: `${subscription.plan} subscription`,
        providerInvoiceId: invoice.invoiceId,
      },
      origin,
    );
    return created ? 'applied' : status;
  }

  private async findFor(actor: Actor, id: string): Promise<Subscription> {
    const subscription = await this.subscriptions.findById(new Types.ObjectId(id)).lean<Subscription>();
    if (!subscription) throw new NotFoundException('No such subscription.');
    assertMayAccess(actor, subscription.userId);
    return subscription;
  }
}
