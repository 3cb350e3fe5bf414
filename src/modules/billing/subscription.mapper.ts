import { iso } from '../../core/http/serialize.js';
import { toChangeDto } from './change.mapper.js';
import type { SubscriptionDto } from './dto/subscription.dto.js';
import type { Subscription } from './schemas/subscription.schema.js';

export function toSubscriptionDto(subscription: Subscription): SubscriptionDto {
  return {
    id: subscription._id.toString(),
    userId: subscription.userId.toString(),
    tenantId: subscription.tenantId?.toString(),
    itemType: subscription.itemType,
    itemId: subscription.itemId,
    plan: subscription.plan,
    amount: subscription.amount,
    currency: subscription.currency,
    interval: subscription.interval,
    status: subscription.status,
    currentPeriodStart: iso(subscription.currentPeriodStart)!,
    currentPeriodEnd: iso(subscription.currentPeriodEnd)!,
    cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
    canceledAt: iso(subscription.canceledAt),
    provider: subscription.provider,
    providerSubscriptionId: subscription.providerSubscriptionId,
    audit: (subscription.audit ?? []).map((change) => ({ ...toChangeDto(change), eventAt: iso(change.eventAt) })),
    createdAt: iso(subscription.createdAt)!,
    updatedAt: iso(subscription.updatedAt)!,
  };
}
