import type { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EffectsRelay } from '../../../src/core/events/index.js';
import { AccountDeletionService } from '../../../src/modules/identity/account-deletion.service.js';
import { AuthService } from '../../../src/modules/identity/auth.service.js';
import { QueuedEmail } from '../../../src/modules/mail/schemas/queued-email.schema.js';
import { FACTORY_PASSWORD, replayUserEffects, signedInAccount, userModel } from '../../support/factories/identity.js';
import { startMediumApp as startServices } from '../../support/medium-app.js';

describe('what account changes owe, written with them', () => {
  let app: INestApplicationContext;
  let close: () => Promise<void>;
  let mails: Model<QueuedEmail>;

  beforeAll(async () => {
    ({ app, close } = await startServices());
    mails = app.get<Model<QueuedEmail>>(getModelToken(QueuedEmail.name));
  });
  afterAll(() => close?.());

  const effectsOf = async (id: string) => (await userModel(app).findById(id).lean())!.effects ?? [];
  const mailsTo = (to: string, template: string) => mails.countDocuments({ to, template });

  it('registration carries its welcome and verification email; run again after a crash, each still mails once', async () => {
    const user = await signedInAccount(app);
    expect(await effectsOf(user.id)).toEqual([
      expect.objectContaining({ name: 'user.registered>notifications', key: `welcome:${user.id}>notifications`, state: 'done' }),
      expect.objectContaining({ name: 'identity.verification-mail', key: `verify-email:${user.id}:registered`, state: 'done' }),
    ]);
    expect(await mailsTo(user.email, 'welcome')).toBe(1);
    expect(await mailsTo(user.email, 'verify-email')).toBe(1);
    await replayUserEffects(app, user.id);
    expect(await app.get(EffectsRelay).sweep()).toBeGreaterThanOrEqual(2);
    expect(await mailsTo(user.email, 'welcome')).toBe(1);
    expect(await mailsTo(user.email, 'verify-email')).toBe(1);
  });

  it('a password change carries its security notice in the same update', async () => {
    const user = await signedInAccount(app);
    await app.get(AuthService).changePassword(user.ctx, { currentPassword: FACTORY_PASSWORD, newPassword: 'another long password' });
    const notice = (await effectsOf(user.id)).find((effect) => effect.name === 'user.password-changed>notifications');
    expect(notice).toMatchObject({ state: 'done', payload: { userId: user.id } });
    expect(notice!.key).toMatch(new RegExp(`^password-changed:${user.id}:\\d+>notifications$`));
    expect(await mailsTo(user.email, 'password-changed')).toBe(1);
  });

  it('forgets finished effects, so a document does not grow with every change', async () => {
    const user = await signedInAccount(app);
    expect(await effectsOf(user.id)).toHaveLength(2);
    expect(await app.get(AccountDeletionService).pruneDone({ _id: user.id })).toBe(1);
    expect(await effectsOf(user.id)).toEqual([]);
  });
});
