import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EffectsRelay } from '../../../src/core/events/index.js';
import { AccountDeletionService } from '../../../src/modules/identity/account-deletion.service.js';
import { AuthService } from '../../../src/modules/identity/auth.service.js';
import { UserDirectory } from '../../../src/modules/identity/index.js';
import {
  account,
  anonymousContext,
  FACTORY_PASSWORD,
  leaveOwed,
  sessionModel,
  signedInAccount,
  userModel,
} from '../../support/factories/identity.js';
import { confirmedCapture, captureModel } from '../../support/factories/marketing.js';
import { heartbeat, presenceModel } from '../../support/factories/presence.js';
import { startMediumApp as startServices } from '../../support/medium-app.js';

describe('account deletion and what it owes, against the database', () => {
  let app: INestApplicationContext;
  let close: () => Promise<void>;
  let deletion: AccountDeletionService;

  beforeAll(async () => {
    ({ app, close } = await startServices());
    deletion = app.get(AccountDeletionService);
  });
  afterAll(() => close?.());

  it('tombstones the account and erases it in every context in the same request', async () => {
    const user = await signedInAccount(app);
    await Promise.all([heartbeat(app, user), confirmedCapture(app, user.email)]);
    await deletion.deleteMe(user.ctx, FACTORY_PASSWORD);

    const stored = await userModel(app).findById(user.id).lean();
    expect(stored).toMatchObject({ status: 'deleted', searchKeys: [], profile: { timezone: 'UTC', locale: 'en' } });
    expect(stored!.email).toBe(`deleted-${user.id}@deleted.invalid`);
    // Every erasure ran, and the done effects (which carried the address) are gone with it.
    expect(stored!.effects ?? []).toEqual([]);
    expect(JSON.stringify(stored)).not.toContain(user.email);
    expect(await sessionModel(app).countDocuments({ userId: stored!._id })).toBe(0);
    expect(await presenceModel(app).countDocuments({ userId: stored!._id })).toBe(0);
    expect(await captureModel(app).countDocuments({ email: user.email })).toBe(0);
    expect(await app.get(UserDirectory).exists(user.id)).toBe(false);

    // The address is free for a new account.
    const again = await app.get(AuthService).register(anonymousContext(), { email: user.email, password: FACTORY_PASSWORD });
    expect(again.user.id).not.toBe(user.id);
  });

  it('refuses a wrong password and leaves the account as it was', async () => {
    const user = await signedInAccount(app);
    await expect(deletion.deleteMe(user.ctx, 'not the password at all')).rejects.toMatchObject({ status: 400 });
    expect((await userModel(app).findById(user.id).lean())!.status).toBe('active');
  });

  it('finishes an erasure that a crash left owed, once, and then prunes it', async () => {
    const user = await signedInAccount(app);
    await deletion.deleteMe(user.ctx, FACTORY_PASSWORD);
    await confirmedCapture(app, user.email);
    await leaveOwed(app, user.id, {
      key: `user.deleted:${user.id}>marketing`,
      name: 'user.deleted>marketing',
      payload: { userId: user.id, email: user.email },
    });

    expect(await app.get(EffectsRelay).sweep()).toBeGreaterThanOrEqual(1);
    expect(await captureModel(app).countDocuments({ email: user.email })).toBe(0);
    expect(await app.get(EffectsRelay).sweep()).toBe(0);
    expect(await deletion.pruneDone({ _id: user.id })).toBe(1);
    expect(JSON.stringify(await userModel(app).findById(user.id).lean())).not.toContain(user.email);
  });

  it('keeps the last active admin from deleting their account', async () => {
    const admins = await userModel(app).countDocuments({ role: 'admin', status: 'active' });
    expect(admins).toBe(0);
    const only = await signedInAccount(app, 'admin');
    await expect(deletion.deleteMe(only.ctx, FACTORY_PASSWORD)).rejects.toMatchObject({ status: 409 });
    await account(app, 'admin');
    await deletion.deleteMe(only.ctx, FACTORY_PASSWORD);
    expect((await userModel(app).findById(only.id).lean())!.status).toBe('deleted');
  });
});
