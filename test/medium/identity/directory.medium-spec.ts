import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountDeletionService } from '../../../src/modules/identity/account-deletion.service.js';
import { UserDirectory } from '../../../src/modules/identity/index.js';
import { UsersService } from '../../../src/modules/identity/users.service.js';
import { account, deactivated, FACTORY_PASSWORD, signedInAccount } from '../../support/factories/identity.js';
import { startMediumApp as startServices } from '../../support/medium-app.js';

describe('the user directory other contexts read', () => {
  let app: INestApplicationContext;
  let close: () => Promise<void>;
  let directory: UserDirectory;

  beforeAll(async () => {
    ({ app, close } = await startServices());
    directory = app.get(UserDirectory);
  });
  afterAll(() => close?.());

  it('pages through every reachable user of a role in _id order, a batch at a time, each once', async () => {
    const staff = await Promise.all(Array.from({ length: 25 }, () => account(app, 'staff')));
    const [gone, away] = [staff[3], staff[7]];
    await deactivated(app, away.id);
    const leaving = await signedInAccount(app, 'staff');
    await app.get(AccountDeletionService).deleteMe(leaving.ctx, FACTORY_PASSWORD);
    await deactivated(app, gone.id);

    const batches: string[][] = [];
    for (let after: string | undefined; ;) {
      const batch = await directory.idsByRole('staff', { after, limit: 10 });
      if (batch.length === 0) break;
      batches.push(batch);
      after = batch.at(-1);
    }
    const seen = batches.flat();
    expect(batches.map((batch) => batch.length)).toEqual([10, 10, 3]);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen)).toEqual(new Set(staff.map((user) => user.id).filter((id) => id !== gone.id && id !== away.id)));
    expect(seen).not.toContain(leaving.id);
  });

  it('bounds a batch, and ignores an after that is not an id', async () => {
    await Promise.all(Array.from({ length: 3 }, () => account(app, 'admin')));
    expect(await directory.idsByRole('admin', { limit: 0 })).toHaveLength(1);
    expect((await directory.idsByRole('admin', { after: 'not-an-id', limit: 5_000 })).length).toBeGreaterThanOrEqual(3);
  });

  it('answers who a user is and how to reach them, and nothing for unknown, deactivated or deleted accounts', async () => {
    const [named, plain, paused] = await Promise.all([
      account(app, 'user', { displayName: 'Ada L.' }),
      account(app, 'user', {}),
      account(app, 'user', { firstName: 'Paused' }),
    ]);
    await deactivated(app, paused.id);
    expect(await directory.contactOf(named.id)).toEqual({
      id: named.id,
      email: named.email,
      name: 'Ada L.',
      publicName: 'Ada L.',
      locale: 'en',
      timezone: 'UTC',
    });
    const anonymous = await directory.contactOf(plain.id);
    expect(anonymous).toMatchObject({ name: plain.email.split('@')[0] });
    expect(anonymous).not.toHaveProperty('publicName');
    expect(await directory.contactOf(paused.id)).toBeUndefined();
    expect(await directory.contactOf('665f1c2b9d3e4a0012345678')).toBeUndefined();
    expect(await directory.contactOf('nonsense')).toBeUndefined();

    const contacts = await directory.contactsOf([named.id, plain.id, paused.id, named.id, 'nonsense', '665f1c2b9d3e4a0012345678']);
    expect([...contacts.keys()].sort()).toEqual([named.id, plain.id].sort());

    // Deactivated is still someone (a role, an address that is taken); deleted is no one.
    expect(await directory.exists(paused.id)).toBe(true);
    expect(await directory.roleOf(paused.id)).toBe('user');
    expect(await directory.findIdByEmail(` ${named.email.toUpperCase()} `)).toBe(named.id);
    expect(await directory.findIdByEmail('nobody@example.com')).toBeUndefined();
  });

  it('gives the phone number a user added to their profile', async () => {
    const user = await signedInAccount(app);
    await app.get(UsersService).updateMe(user.ctx, { profile: { phone: '+4930123456' } });
    expect(await directory.contactOf(user.id)).toMatchObject({ phone: '+4930123456' });
  });

  it('forgets a deleted account entirely: no contact, no role, no address', async () => {
    const leaving = await signedInAccount(app);
    await app.get(AccountDeletionService).deleteMe(leaving.ctx, FACTORY_PASSWORD);
    expect(await directory.exists(leaving.id)).toBe(false);
    expect(await directory.roleOf(leaving.id)).toBeUndefined();
    expect(await directory.contactOf(leaving.id)).toBeUndefined();
    expect(await directory.findIdByEmail(leaving.email)).toBeUndefined();
  });
});
