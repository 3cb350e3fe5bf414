import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EffectsRelay } from '../../../src/core/events/index.js';
import type { SubscriptionChangedEvent } from '../../../src/modules/billing/index.js';
import { PAYMENT_PROVIDER, type PaymentProvider } from '../../../src/modules/billing/providers/payment-provider.js';
import { SubscriptionsRepository } from '../../../src/modules/billing/subscriptions.repository.js';
import { SubscriptionsService } from '../../../src/modules/billing/subscriptions.service.js';
import { AccountDeletionService } from '../../../src/modules/identity/account-deletion.service.js';
import { subscription, transactionModel } from '../../support/factories/billing.js';
import { account, contextOf, FACTORY_PASSWORD } from '../../support/factories/identity.js';
import { startMediumApp } from '../../support/medium-app.js';

type Account = Awaited<ReturnType<typeof account>>;

describe('subscriptions against the database', () => {
  let app: INestApplicationContext;
  let close: () => Promise<void>;
  let user: Account;
  const changes: SubscriptionChangedEvent[] = [];

  beforeAll(async () => {
    delete process.env.STRIPE_SECRET_KEY;
    ({ app, close } = await startMediumApp());
    app.get(EffectsRelay).on('subscription.changed', 'changes-probe', async (event) => void changes.push(event));
    user = await account(app);
  });
  afterAll(() => close?.());

  it('bills the provider customer at the address identity reaches the user at, and charges the first period once', async () => {
    const spy = vi.spyOn(app.get<PaymentProvider>(PAYMENT_PROVIDER), 'createSubscription');
    const created = await subscription(app, user, 'starter');
    expect(spy).toHaveBeenCalledWith(expect.objectContaining({ email: user.email, planKey: 'starter', amount: 900 }));
    spy.mockRestore();
    expect(await transactionModel(app).countDocuments({ subscriptionId: created.id, type: 'subscription', status: 'succeeded' })).toBe(1);
    expect(changes.filter((change) => change.subscriptionId === created.id)).toEqual([
      { subscriptionId: created.id, userId: user.id, plan: 'starter', subscriptionStatus: 'active', revision: 1 },
    ]);
  });

  it('does not bill an account that was deleted while its token still ran: nothing reaches the provider', async () => {
    const leaving = await account(app);
    await app.get(AccountDeletionService).deleteMe(contextOf(leaving), FACTORY_PASSWORD);
    const spy = vi.spyOn(app.get<PaymentProvider>(PAYMENT_PROVIDER), 'createSubscription');
    await expect(app.get(SubscriptionsService).create(contextOf(leaving), { plan: 'pro' })).rejects.toMatchObject({ status: 401 });
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('applies a provider change with its audit entry and what it owes in one guarded update, once per event', async () => {
    const created = await subscription(app, user, 'pro');
    const repository = app.get(SubscriptionsRepository);
    const origin = { trigger: 'system' as const, source: 'webhook', eventId: 'evt_past_due' };
    const eventAt = new Date();
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () =>
        repository.applyProviderState({ id: created.providerSubscriptionId!, status: 'past_due' }, origin, eventAt),
      ),
    );
    expect(outcomes.filter((outcome) => outcome === 'applied')).toHaveLength(1);
    const stored = await repository.findById(created.id);
    expect(stored!.status).toBe('past_due');
    expect(stored!.audit.filter((change) => change.eventId === 'evt_past_due')).toMatchObject([
      { from: 'active', to: 'past_due', source: 'webhook' },
    ]);
    expect(stored!.effects!.filter((effect) => effect.name === 'subscription.changed>changes-probe')).toHaveLength(2);
    expect(changes.filter((change) => change.subscriptionId === created.id).map((change) => change.subscriptionStatus)).toEqual([
      'active',
      'past_due',
    ]);
    // An older word never moves it back.
    const older = await repository.applyProviderState(
      { id: created.providerSubscriptionId!, status: 'active' },
      { ...origin, eventId: 'evt_older' },
      new Date(eventAt.getTime() - 60_000),
    );
    expect(older).toMatchObject({ ignored: expect.stringMatching(/older than/) });
  });
});
