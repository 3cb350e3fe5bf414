import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EffectsRelay } from '../../../src/core/events/index.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { verifiedUser, verifyEmail } from '../../support/factories/identity.js';
import { emailModel } from '../../support/factories/mail.js';
import { createTenant, expireInvite, invite, inviteModel, mailedInviteToken, tenantModel } from '../../support/factories/tenancy.js';

describe('invites', () => {
  let t: TestApp;
  let owner: TestUser;
  let staff: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    [owner, staff] = await Promise.all([registerUser(t), userWithRole(t, 'staff')]);
  });
  afterAll(() => t?.close());

  it('invite → email with the token → accept → the invitee reads the tenant as a member', async () => {
    const tenant = await createTenant(t, owner);
    const invitee = await verifiedUser(t);
    const inviteId = await invite(t, tenant.id, owner, invitee.email.toUpperCase(), 'member');
    const token = await mailedInviteToken(t, invitee.email);
    const stored = await inviteModel(t.app).findOne({ tenantId: tenant.id, _id: inviteId }).lean();
    expect(stored?.email).toBe(invitee.email.toLowerCase());
    expect(stored?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(token);
    // The token left the tenant's owed effect once the email was queued.
    expect(JSON.stringify(await tenantModel(t.app).findById(tenant.id).lean())).not.toContain(token);

    expect((await t.http().get(`/api/tenants/${tenant.id}`).set(bearer(invitee))).status).toBe(404);
    const accepted = await t.http().post('/api/invites/accept').set(bearer(invitee)).send({ token });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toMatchObject({ tenantId: tenant.id, role: 'member' });
    const read = await t.http().get(`/api/tenants/${tenant.id}`).set(bearer(invitee));
    expect(read.status).toBe(200);
    expect(read.body.role).toBe('member');
    const members = await t.http().get(`/api/tenants/${tenant.id}/members`).set(bearer(invitee));
    expect(members.body.items.map((m: { userId: string }) => m.userId).sort()).toEqual([owner.id, invitee.id].sort());
    expect(members.body.items[0].email).toBeUndefined();

    const again = await t.http().post('/api/invites/accept').set(bearer(invitee)).send({ token });
    expect(again.status).toBe(409);
    const listed = await t.http().get(`/api/tenants/${tenant.id}/invites`).query({ status: 'accepted' }).set(bearer(owner));
    expect(listed.body.items).toEqual([expect.objectContaining({ id: inviteId, status: 'accepted' })]);
    expect(listed.body.items[0].tokenHash).toBeUndefined();
  });

  it('the email is queued once even when its effect runs again', async () => {
    const tenant = await createTenant(t, owner);
    const email = `once.${Date.now()}@example.com`;
    await invite(t, tenant.id, owner, email);
    await tenantModel(t.app).updateOne(
      { _id: tenant.id },
      { $set: { 'effects.$[].state': 'pending', 'effects.$[].dueAt': new Date(0) }, $unset: { 'effects.$[].leaseUntil': 1 } },
    );
    await t.app.get(EffectsRelay).sweep();
    expect(await emailModel(t.app).countDocuments({ to: email, template: 'tenant-invite' })).toBe(1);
  });

  it('refuses an invitation for another address with 403, an expired one with 410, a revoked one with 409', async () => {
    const tenant = await createTenant(t, owner);
    const invitee = await verifiedUser(t);
    const stranger = await verifiedUser(t);
    const inviteId = await invite(t, tenant.id, owner, invitee.email);
    const token = await mailedInviteToken(t, invitee.email);
    const wrong = await t.http().post('/api/invites/accept').set(bearer(stranger)).send({ token });
    expect(wrong.status).toBe(403);
    expect(wrong.body.type).toBe('urn:atrium:problem:invite-email-mismatch');

    await expireInvite(t.app, tenant.id, inviteId);
    const expired = await t.http().post('/api/invites/accept').set(bearer(invitee)).send({ token });
    expect(expired.status).toBe(410);
    expect(expired.body.type).toBe('urn:atrium:problem:invite-expired');

    // A resend renews it with a new token; the old one no longer opens anything.
    const resent = await t.http().post(`/api/tenants/${tenant.id}/invites/${inviteId}/resend`).set(bearer(owner));
    expect(resent.status, JSON.stringify(resent.body)).toBe(200);
    expect(resent.body).toMatchObject({ status: 'pending', sendCount: 2 });
    const fresh = await mailedInviteToken(t, invitee.email);
    expect(fresh).not.toBe(token);
    expect((await t.http().post('/api/invites/accept').set(bearer(invitee)).send({ token })).status).toBe(404);

    expect((await t.http().delete(`/api/tenants/${tenant.id}/invites/${inviteId}`).set(bearer(owner))).status).toBe(204);
    const revoked = await t.http().post('/api/invites/accept').set(bearer(invitee)).send({ token: fresh });
    expect(revoked.status).toBe(409);
    expect(revoked.body.type).toBe('urn:atrium:problem:invite-revoked');
  });

  it('refuses an invitee whose address is unverified with 403 until they follow the verification link', async () => {
    const tenant = await createTenant(t, owner);
    const invitee = await registerUser(t);
    await invite(t, tenant.id, owner, invitee.email);
    const token = await mailedInviteToken(t, invitee.email);
    const unverified = await t.http().post('/api/invites/accept').set(bearer(invitee)).send({ token });
    expect(unverified.status).toBe(403);
    expect(unverified.headers['content-type']).toContain('application/problem+json');
    expect(unverified.body.type).toBe('urn:atrium:problem:email-not-verified');
    expect(unverified.body.detail).toContain('/api/auth/verify-email/resend');
    // The refusal settled nothing: the invite still waits, and no membership was made.
    expect((await t.http().get(`/api/tenants/${tenant.id}`).set(bearer(invitee))).status).toBe(404);

    await verifyEmail(t, invitee);
    const accepted = await t.http().post('/api/invites/accept').set(bearer(invitee)).send({ token });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toMatchObject({ tenantId: tenant.id, role: 'member' });
    expect((await t.http().get(`/api/tenants/${tenant.id}`).set(bearer(invitee))).status).toBe(200);
  });

  it('checks the address is verified before it compares it with the invited one', async () => {
    const tenant = await createTenant(t, owner);
    const invitee = await verifiedUser(t);
    const stranger = await registerUser(t);
    await invite(t, tenant.id, owner, invitee.email);
    const token = await mailedInviteToken(t, invitee.email);
    const refused = await t.http().post('/api/invites/accept').set(bearer(stranger)).send({ token });
    expect(refused.status).toBe(403);
    expect(refused.body.type).toBe('urn:atrium:problem:email-not-verified');
    // An unknown token stays 404 whoever asks.
    expect(
      (
        await t
          .http()
          .post('/api/invites/accept')
          .set(bearer(stranger))
          .send({ token: 'A'.repeat(43) })
      ).status,
    ).toBe(404);
  });

  it('keeps one pending invite per address, refuses members, and only owners invite owners', async () => {
    const tenant = await createTenant(t, owner);
    const admin = await registerUser(t);
    await t.http().post(`/api/tenants/${tenant.id}/members`).set(bearer(owner)).send({ userId: admin.id, role: 'admin' }).expect(201);
    const email = `dup.${Date.now()}@example.com`;
    await invite(t, tenant.id, owner, email);
    const twice = await t.http().post(`/api/tenants/${tenant.id}/invites`).set(bearer(admin)).send({ email: email.toUpperCase() });
    expect(twice.status).toBe(409);
    expect(twice.body.type).toBe('urn:atrium:problem:invite-pending');
    const member = await t.http().post(`/api/tenants/${tenant.id}/invites`).set(bearer(owner)).send({ email: admin.email });
    expect(member.status).toBe(409);
    const ownerInvite = await t
      .http()
      .post(`/api/tenants/${tenant.id}/invites`)
      .set(bearer(admin))
      .send({ email: 'x@example.com', role: 'owner' });
    expect(ownerInvite.status).toBe(403);
    const staffInvite = await t
      .http()
      .post(`/api/tenants/${tenant.id}/invites`)
      .set(bearer(staff))
      .send({ email: 'support.added@example.com' });
    expect(staffInvite.status).toBe(201);
  });

  it('the expiry job marks lapsed invites expired and frees the address for a new one', async () => {
    const tenant = await createTenant(t, owner);
    const email = `lapse.${Date.now()}@example.com`;
    const inviteId = await invite(t, tenant.id, owner, email);
    await expireInvite(t.app, tenant.id, inviteId);
    const admin = await userWithRole(t, 'admin');
    expect((await t.http().post('/api/admin/jobs/tenancy.invites/run').set(bearer(admin))).status).toBe(202);
    const stored = await inviteModel(t.app).findOne({ tenantId: tenant.id, _id: inviteId }).lean();
    expect(stored?.status).toBe('expired');
    expect(stored?.pendingKey).toBeUndefined();
    await invite(t, tenant.id, owner, email);
  });
});
