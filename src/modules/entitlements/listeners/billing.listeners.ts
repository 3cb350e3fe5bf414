import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model } from 'mongoose';
import { isDuplicateKey } from '../../../core/database/duplicate-key.js';
import { EffectsRelay } from '../../../core/events/index.js';
import type { SubscriptionChangedEvent } from '../../billing/index.js';
import { FREE_PLAN } from '../default-catalogue.js';
import { EntitlementsCatalogue } from '../entitlements-catalogue.js';
import { PlanGrant } from '../schemas/plan-grant.schema.js';
import { tenantSubject, userSubject, type Subject } from '../subject.js';
import { SubjectPlans } from '../subject-plans.js';

/** Statuses in which a subscription still grants its plan; past_due keeps it while the provider retries the payment. */
const GRANTING = new Set(['trialing', 'active', 'past_due']);
const SETTLE_ATTEMPTS = 3;

/**
 * A tenant's (or a user's personal) plan follows its subscriptions. Each report is kept as the
 * subscription's grant, replaced only by a higher revision, so a repeated or late report changes
 * nothing; the plan is then derived from all the subject's grants (the dearest one that still runs,
 * else free), so ending one subscription does not undo another.
 */
@Injectable()
export class BillingListeners implements OnModuleInit {
  constructor(
    private readonly relay: EffectsRelay,
    @InjectModel(PlanGrant.name) private readonly grants: Model<PlanGrant>,
    private readonly catalogue: EntitlementsCatalogue,
    private readonly plans: SubjectPlans,
  ) {}

  onModuleInit(): void {
    this.relay.on('subscription.changed', 'entitlements', (event, key) => this.follow(event, key));
  }

  async follow(event: SubscriptionChangedEvent, key: string): Promise<void> {
    const subject = event.tenantId ? tenantSubject(event.tenantId) : userSubject(event.userId);
    const revision = event.revision ?? 0;
    try {
      await this.grants.updateOne(
        { subscriptionId: event.subscriptionId, revision: trusted({ $lt: revision }) },
        {
          $set: {
            subjectType: subject.type,
            subjectId: new Types.ObjectId(subject.id),
            planKey: event.plan,
            subscriptionStatus: event.subscriptionStatus,
            revision,
          },
        },
        { upsert: true },
      );
    } catch (error) {
      // The grant holds this revision or a newer one already: the report is old news.
      if (!isDuplicateKey(error)) throw error;
    }
    await this.settle(subject, { subscriptionId: event.subscriptionId, eventId: key });
  }

  /** Sets the derived plan, and again if a concurrent report changed the grants meanwhile. */
  private async settle(subject: Subject, origin: { subscriptionId: string; eventId: string }): Promise<void> {
    let plan = await this.derive(subject);
    for (let attempt = 0; attempt < SETTLE_ATTEMPTS; attempt++) {
      await this.plans.setPlan(subject, plan, origin);
      const again = await this.derive(subject);
      if (again === plan) return;
      plan = again;
    }
  }

  private async derive(subject: Subject): Promise<string> {
    const [grants, snapshot] = await Promise.all([
      this.grants
        .find({ subjectType: subject.type, subjectId: new Types.ObjectId(subject.id) }, { _id: 0, planKey: 1, subscriptionStatus: 1 })
        .limit(100)
        .lean<Pick<PlanGrant, 'planKey' | 'subscriptionStatus'>[]>(),
      this.catalogue.snapshot(),
    ]);
    const granted = grants
      .filter((grant) => GRANTING.has(grant.subscriptionStatus))
      .map((grant) => snapshot.planByKey.get(grant.planKey))
      // Agent subscriptions add an agent, not a plan.
      .filter((plan) => plan !== undefined && plan.itemType === 'plan')
      .sort((a, b) => b!.price - a!.price || b!.sortOrder - a!.sortOrder);
    return granted[0]?.key ?? FREE_PLAN;
  }
}
