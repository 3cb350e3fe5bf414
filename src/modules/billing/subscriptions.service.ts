import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { ProblemException, ValidationProblem } from '../../core/http/problem.js';
import { AuditTrail } from '../audit/index.js';
import { PlanCatalogue } from '../entitlements/index.js';
import { UserDirectory } from '../identity/index.js';
import { callerId, changeBy, ownedOr404 } from './billing-context.js';
import type { CreateSubscriptionDto, SubscriptionDto } from './dto/subscription.dto.js';
import { PAYMENT_PROVIDER, type PaymentProvider } from './providers/payment-provider.js';
import type { Subscription } from './schemas/subscription.schema.js';
import { toSubscriptionDto } from './subscription.mapper.js';
import { SubscriptionsRepository } from './subscriptions.repository.js';
import { ChargeSubscription } from './use-cases/charge-subscription.js';

/** Plan and agent subscriptions: subscribing, reading, and cancelling at the end of the paid period. */
@Injectable()
export class SubscriptionsService {
  constructor(
    private readonly subscriptions: SubscriptionsRepository,
    private readonly charges: ChargeSubscription,
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
    private readonly users: UserDirectory,
    private readonly policy: PermissionPolicy,
    private readonly catalogue: PlanCatalogue,
    private readonly trail: AuditTrail,
  ) {}

  async create(ctx: RequestContext, input: CreateSubscriptionDto): Promise<SubscriptionDto> {
    this.policy.require(ctx, 'subscription.create');
    return this.subscribe(ctx, input);
  }

  /** A subscription paid by the caller for a tenant: its plan becomes the tenant's while it runs. Plans only, no agents. */
  async createForTenant(ctx: RequestContext, tenantId: string, input: CreateSubscriptionDto): Promise<SubscriptionDto> {
    this.policy.require(ctx, 'subscription.create-for-tenant');
    return this.subscribe(ctx, input, new Types.ObjectId(tenantId));
  }

  async listForTenant(ctx: RequestContext, tenantId: string): Promise<SubscriptionDto[]> {
    this.policy.require(ctx, 'subscription.list-for-tenant');
    return (await this.subscriptions.listForTenant(tenantId)).map(toSubscriptionDto);
  }

  private async subscribe(ctx: RequestContext, input: CreateSubscriptionDto, tenantId?: Types.ObjectId): Promise<SubscriptionDto> {
    const plan = await this.catalogue.sellable(input.plan, tenantId ? ['plan'] : ['plan', 'agent']);
    if (plan.itemType === 'agent' && !input.agentId)
      throw new ValidationProblem([{ field: 'agentId', message: 'is required for the agent plan' }]);
    const itemId = plan.itemType === 'agent' ? input.agentId! : plan.key;
    const userId = new Types.ObjectId(callerId(ctx));
    if (await this.subscriptions.hasLive(userId, plan.itemType, itemId, tenantId))
      throw new ProblemException(
        HttpStatus.CONFLICT,
        'already-subscribed',
        'Already subscribed',
        `There is already a live subscription to ${itemId}.`,
      );
    // The provider bills the address identity reaches the user at; an account it cannot reach is not billed.
    const contact = await this.users.contactOf(userId.toString());
    if (!contact) throw new ProblemException(HttpStatus.UNAUTHORIZED, 'unauthorized', 'Unauthorized', 'The account no longer exists.');
    const _id = new Types.ObjectId();
    const created = await this.provider.createSubscription({
      email: contact.email,
      planKey: plan.key,
      amount: plan.price,
      currency: plan.currency,
      interval: plan.billingCycle,
      idempotencyKey: `subscription:${_id.toString()}`,
    });
    const origin = changeBy(ctx, 'owner', 'api');
    const subscription = await this.subscriptions.insert(
      {
        _id,
        userId,
        ...(tenantId ? { tenantId } : {}),
        itemType: plan.itemType,
        itemId,
        plan: plan.key,
        amount: plan.price,
        currency: plan.currency,
        interval: plan.billingCycle,
        status: created.status,
        currentPeriodStart: created.periodStart,
        currentPeriodEnd: created.periodEnd,
        provider: this.provider.name,
        providerSubscriptionId: created.id,
        providerCustomerId: created.customerId,
      },
      origin,
    );
    // Providers that charge the first period in the same call say so; the others send invoice.paid.
    if (created.paidInvoice) await this.charges.recordFirstPeriod(subscription, created.paidInvoice, origin);
    return toSubscriptionDto(subscription);
  }

  async listMine(ctx: RequestContext): Promise<SubscriptionDto[]> {
    this.policy.require(ctx, 'subscription.list');
    return (await this.subscriptions.listFor(callerId(ctx))).map(toSubscriptionDto);
  }

  async get(ctx: RequestContext, id: string): Promise<SubscriptionDto> {
    return toSubscriptionDto(await this.load(ctx, id, 'subscription.read'));
  }

  /** Cancels at the end of the paid period (the customer keeps what they paid for); resume undoes it. */
  async setCancelAtPeriodEnd(ctx: RequestContext, id: string, cancel: boolean): Promise<SubscriptionDto> {
    const subscription = await this.load(ctx, id, 'subscription.cancel');
    if (subscription.status === 'canceled')
      throw new ProblemException(
        HttpStatus.CONFLICT,
        'subscription-ended',
        'Subscription ended',
        'A canceled subscription cannot change; subscribe again.',
      );
    if (subscription.providerSubscriptionId) await this.provider.setCancelAtPeriodEnd(subscription.providerSubscriptionId, cancel);
    const updated = (await this.subscriptions.setCancelAtPeriodEnd(subscription._id, cancel)) ?? subscription;
    // Staff changing a customer's subscription, and any change to a tenant's, belong in the audit log.
    if (subscription.tenantId || subscription.userId.toString() !== ctx.actor?.id)
      await this.trail.record(ctx, {
        action: 'subscription.updated',
        targetType: 'subscription',
        targetId: id,
        tenantId: subscription.tenantId?.toString(),
        before: { cancelAtPeriodEnd: subscription.cancelAtPeriodEnd },
        after: { cancelAtPeriodEnd: updated.cancelAtPeriodEnd },
      });
    return toSubscriptionDto(updated);
  }

  private async load(ctx: RequestContext, id: string, permission: 'subscription.read' | 'subscription.cancel'): Promise<Subscription> {
    return ownedOr404(this.policy, ctx, permission, await this.subscriptions.findById(id), 'subscription');
  }
}
