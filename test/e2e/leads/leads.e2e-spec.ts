import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { EffectsRelay } from '../../../src/core/events/index.js';
import { owedEffects } from '../../../src/core/events/owed-effect.js';
import type { LeadUpdatedEvent } from '../../../src/modules/leads/index.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { createLead, leadModel, leadsCsv, uniquePhone } from '../../support/factories/leads.js';
import { addMember, createTenant } from '../../support/factories/tenancy.js';

describe('leads', () => {
  let t: TestApp;
  let owner: TestUser;
  let member: TestUser;
  let viewer: TestUser;
  let outsider: TestUser;
  let staff: TestUser;
  let tenantId: string;
  let otherTenantId: string;
  const updates: LeadUpdatedEvent[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    [owner, member, viewer, outsider, staff] = await Promise.all([
      registerUser(t),
      registerUser(t),
      registerUser(t),
      registerUser(t),
      userWithRole(t, 'staff'),
    ]);
    tenantId = (await createTenant(t, owner)).id;
    otherTenantId = (await createTenant(t, outsider)).id;
    await addMember(t, tenantId, owner, member);
    await addMember(t, tenantId, owner, viewer, 'viewer');
    // A subscriber of our own, so what leads owe is observable.
    t.app.get(EffectsRelay).on('lead.updated', 'leads-e2e-probe', async (payload) => {
      updates.push(payload);
    });
  });
  afterAll(() => t?.close());

  const base = (tenant = tenantId) => `/api/tenants/${tenant}/leads`;
  const updatesOf = (leadId: string) => updates.filter((update) => update.leadId === leadId);

  it('creates, reads, edits and deletes a lead; the number in any spelling becomes E.164 with its timezone', async () => {
    const created = await t
      .http()
      .post(base())
      .set(bearer(member))
      .send({ name: 'Ada Lovelace', phone: '(303) 555-0142', email: 'ADA@Example.COM', tags: ['vip', 'vip', 'west'] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Ada Lovelace',
      phone: '+13035550142',
      phoneCountry: 'US',
      email: 'ada@example.com',
      tags: ['vip', 'west'],
      timezone: 'America/Denver',
      status: 'new',
      source: 'manual',
      callCount: 0,
    });
    const id = created.body.id;
    expect(updatesOf(id)).toEqual([expect.objectContaining({ leadStatus: 'new', leadChanges: ['created'] })]);

    expect((await t.http().get(`${base()}/${id}`).set(bearer(viewer))).body).toMatchObject({ id, phone: '+13035550142' });
    const edited = await t
      .http()
      .patch(`${base()}/${id}`)
      .set(bearer(member))
      .send({ notes: 'Prefers mornings', phone: '+44 20 7946 0958' });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ notes: 'Prefers mornings', phone: '+442079460958', phoneCountry: 'GB', timezone: 'Europe/London' });
    expect(updatesOf(id).at(-1)?.leadChanges).toEqual(expect.arrayContaining(['notes', 'phone', 'timezone']));

    expect((await t.http().patch(`${base()}/${id}`).set(bearer(viewer)).send({ notes: 'x' })).status).toBe(403);
    expect((await t.http().delete(`${base()}/${id}`).set(bearer(member))).status).toBe(403);
    expect((await t.http().delete(`${base()}/${id}`).set(bearer(owner))).status).toBe(204);
    expect((await t.http().get(`${base()}/${id}`).set(bearer(owner))).status).toBe(404);
  });

  it('refuses an invalid number naming the field, and a second lead with the same number (409 lead-phone-taken)', async () => {
    const bad = await t.http().post(base()).set(bearer(owner)).send({ name: 'Nope', phone: '12345' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'phone', message: 'is not a valid phone number' }]);
    const phone = uniquePhone();
    await createLead(t, owner, tenantId, { phone });
    const again = await t
      .http()
      .post(base())
      .set(bearer(owner))
      .send({ name: 'Twin', phone: phone.replace('+1', '') });
    expect(again.status).toBe(409);
    expect(again.body.type).toContain('lead-phone-taken');
    const other = await createLead(t, owner, tenantId);
    expect((await t.http().patch(`${base()}/${other.id}`).set(bearer(owner)).send({ phone })).status).toBe(409);
  });

  it('finds a lead by its number in any spelling; 400 for a non-number, 404 for nobody', async () => {
    const lead = await createLead(t, owner, tenantId, { phone: '+1 312 555 0177' });
    const found = await t
      .http()
      .get(`${base()}/by-phone/${encodeURIComponent('(312) 555-0177')}`)
      .set(bearer(viewer));
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    expect(found.body).toMatchObject({ id: lead.id, timezone: 'America/Chicago' });
    expect(
      (
        await t
          .http()
          .get(`${base()}/by-phone/${encodeURIComponent('+13125550177')}`)
          .set(bearer(owner))
      ).body.id,
    ).toBe(lead.id);
    expect((await t.http().get(`${base()}/by-phone/not-a-number`).set(bearer(owner))).status).toBe(400);
    expect(
      (
        await t
          .http()
          .get(`${base()}/by-phone/${encodeURIComponent('+13125550999')}`)
          .set(bearer(owner))
      ).status,
    ).toBe(404);
  });

  it('keeps tenants apart: the same number in two tenants, and nothing of one visible from the other', async () => {
    const phone = uniquePhone();
    const mine = await createLead(t, owner, tenantId, { phone });
    const theirs = await createLead(t, outsider, otherTenantId, { phone });
    expect(theirs.id).not.toBe(mine.id);
    expect((await t.http().get(`${base()}/${mine.id}`).set(bearer(outsider))).status).toBe(404);
    expect(
      (
        await t
          .http()
          .get(`${base(otherTenantId)}/${mine.id}`)
          .set(bearer(outsider))
      ).status,
    ).toBe(404);
    expect(
      (
        await t
          .http()
          .get(`${base(otherTenantId)}/by-phone/${encodeURIComponent(phone)}`)
          .set(bearer(outsider))
      ).body.id,
    ).toBe(theirs.id);
    const list = await t.http().get(base(otherTenantId)).set(bearer(outsider));
    expect(list.body.items.map((lead: { id: string }) => lead.id)).not.toContain(mine.id);
    expect((await t.http().get(base()).set(bearer(outsider))).status).toBe(404);
  });

  it('lists by status, tag, source and name or number prefix', async () => {
    const tenant = (await createTenant(t, owner)).id;
    const a = await createLead(t, owner, tenant, { name: 'Grace Hopper', phone: '+1 206 555 0101', tags: ['navy'] });
    const b = await createLead(t, owner, tenant, { name: 'grace kelly', phone: '+1 212 555 0102', source: 'web' });
    await createLead(t, owner, tenant, { name: 'Alan Turing', phone: '+44 20 7946 0103' });
    await t
      .http()
      .post(`${base(tenant)}/${b.id}/transitions`)
      .set(bearer(owner))
      .send({ to: 'lost' });
    const ids = async (query: Record<string, string>) => {
      const response = await t.http().get(base(tenant)).query(query).set(bearer(owner));
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body.items.map((lead: { id: string }) => lead.id).sort();
    };
    expect(await ids({ q: 'GRACE' })).toEqual([a.id, b.id].sort());
    expect(await ids({ q: '+1206' })).toEqual([a.id]);
    expect(await ids({ tag: 'navy' })).toEqual([a.id]);
    expect(await ids({ source: 'web' })).toEqual([b.id]);
    expect(await ids({ status: 'lost' })).toEqual([b.id]);
    expect((await t.http().get(base(tenant)).query({ q: '(.*' }).set(bearer(owner))).body.total).toBe(0);
    expect(await ids({ q: 'gr\u0000ace' })).toEqual([]);
    const page = await t.http().get(base(tenant)).query({ limit: 2 }).set(bearer(owner));
    expect(page.body).toMatchObject({ total: 3, page: 1, limit: 2 });
  });

  it('moves along the lifecycle: members work leads, only managers put a lead on do-not-call or take it off', async () => {
    const lead = await createLead(t, owner, tenantId);
    const move = (caller: TestUser, to: string) => t.http().post(`${base()}/${lead.id}/transitions`).set(bearer(caller)).send({ to });
    const contacted = await t.http().post(`${base()}/${lead.id}/contacted`).set(bearer(member));
    expect(contacted.status, JSON.stringify(contacted.body)).toBe(200);
    expect(contacted.body.status).toBe('contacted');
    expect(contacted.body.lastContactedAt).toBeDefined();
    expect((await move(member, 'qualified')).body.status).toBe('qualified');
    expect((await move(member, 'do_not_call')).status).toBe(409);
    expect((await move(viewer, 'lost')).status).toBe(403);
    expect((await move(owner, 'do_not_call')).body.status).toBe('do_not_call');
    expect((await t.http().post(`${base()}/${lead.id}/contacted`).set(bearer(owner))).status).toBe(409);
    expect((await move(member, 'new')).status).toBe(409);
    const patched = await t
      .http()
      .patch(`${base()}/${lead.id}`)
      .set(bearer(owner))
      .send({ status: 'new', notes: 'Asked to be called again' });
    expect(patched.body).toMatchObject({ status: 'new', notes: 'Asked to be called again' });
    expect((await t.http().patch(`${base()}/${lead.id}`).set(bearer(owner)).send({ status: 'converted' })).status).toBe(409);
    expect((await move(staff, 'contacted')).body.status).toBe('contacted');
    expect(updatesOf(lead.id).map((update) => update.leadStatus)).toEqual([
      'new',
      'contacted',
      'qualified',
      'do_not_call',
      'new',
      'contacted',
    ]);
  });

  it('imports CSV: good rows kept, each bad row reported with its line and field; the same file again creates nothing', async () => {
    const tenant = (await createTenant(t, owner)).id;
    const csv = [
      'Name,Phone,Email,Tags,Timezone',
      'Ada,+1 415 555 0201,ada@example.com,vip;west,',
      'Bea,12345,bea@example.com,,',
      ',+1 415 555 0203,,,',
      'Cy,+1 415 555 0204,not-an-email,,',
      'Di,020 7946 0205,,,Europe/London',
      '',
      'Ed,+1 415 555 0201,,,',
      'Flo,+1 303 555 0207,,,Mars/Base',
      'Gus,(312) 555-0208,,,',
    ].join('\n');
    // National numbers are read in GB here: Di's is valid, Gus's US spelling is not (the second file fixes both).
    const first = await t
      .http()
      .post(`${base(tenant)}/import`)
      .set(bearer(owner))
      .send({ format: 'csv', csv, defaultCountry: 'GB' });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ rows: 8, created: 2, updated: 0, unchanged: 0, rejected: 6 });
    expect(first.body.rejectedRows).toEqual([
      { line: 3, field: 'phone', reason: 'is not a valid phone number' },
      { line: 4, field: 'name', reason: 'is required' },
      { line: 5, field: 'email', reason: 'is not an email address' },
      { line: 8, field: 'phone', reason: 'repeats the number of line 2' },
      { line: 9, field: 'timezone', reason: 'is not an IANA timezone' },
      { line: 10, field: 'phone', reason: 'is not a valid phone number' },
    ]);
    const usCsv = csv.replace('Di,020 7946 0205', 'Di,+44 20 7946 0205');
    const second = await t
      .http()
      .post(`${base(tenant)}/import`)
      .set(bearer(owner))
      .send({ format: 'csv', csv: usCsv });
    expect(second.body).toMatchObject({ created: 1, updated: 0, unchanged: 2, rejected: 5 });
    const third = await t
      .http()
      .post(`${base(tenant)}/import`)
      .set(bearer(owner))
      .send({ format: 'csv', csv: usCsv });
    expect(third.body).toMatchObject({ created: 0, updated: 0, unchanged: 3, rejected: 5 });

    const list = await t.http().get(base(tenant)).query({ limit: 100 }).set(bearer(owner));
    expect(list.body.total).toBe(3);
    const ada = list.body.items.find((lead: { name: string }) => lead.name === 'Ada');
    expect(ada).toMatchObject({ phone: '+14155550201', source: 'import', tags: ['vip', 'west'], timezone: 'America/Los_Angeles' });
    const gus = list.body.items.find((lead: { name: string }) => lead.name === 'Gus');
    expect(gus).toMatchObject({ phone: '+13125550208', timezone: 'America/Chicago' });

    const changed = await t
      .http()
      .post(`${base(tenant)}/import`)
      .set(bearer(owner))
      .send({ format: 'json', rows: [{ name: 'Ada Byron', phone: '+14155550201' }, { phone: 'x' }] });
    expect(changed.body).toMatchObject({ rows: 2, created: 0, updated: 1, unchanged: 0, rejected: 1 });
    expect(changed.body.rejectedRows).toEqual([{ line: 2, field: 'name', reason: 'is required' }]);
    expect(updatesOf(ada.id).at(-1)?.leadChanges).toBeUndefined(); // import effects wait for the relay's sweep
    await t.app.get(EffectsRelay).sweep(1000);
    expect(updatesOf(ada.id).map((update) => update.leadChanges)).toEqual([['created'], ['name']]);
    expect(
      (
        await t
          .http()
          .get(`${base(tenant)}/${ada.id}`)
          .set(bearer(owner))
      ).body.name,
    ).toBe('Ada Byron');

    expect((await t.http().post(`${base()}/import`).set(bearer(member)).send({ format: 'csv', csv })).status).toBe(403);
    const noPhone = await t
      .http()
      .post(`${base(tenant)}/import`)
      .set(bearer(owner))
      .send({ format: 'csv', csv: 'name,email\nA,a@b.co\n' });
    expect(noPhone.status).toBe(400);
    expect(
      (
        await t
          .http()
          .post(`${base(tenant)}/import`)
          .set(bearer(owner))
          .send({ format: 'csv' })
      ).status,
    ).toBe(400);
  });

  it('imports 10,000 rows in one request, again with nothing created, and refuses 10,001', async () => {
    const tenant = (await createTenant(t, owner)).id;
    const first = await t
      .http()
      .post(`${base(tenant)}/import`)
      .set(bearer(owner))
      .send({ format: 'csv', csv: leadsCsv(10_000) });
    expect(first.status, JSON.stringify(first.body).slice(0, 500)).toBe(200);
    expect(first.body).toMatchObject({ rows: 10_000, created: 10_000, rejected: 0 });
    const again = await t
      .http()
      .post(`${base(tenant)}/import`)
      .set(bearer(owner))
      .send({ format: 'csv', csv: leadsCsv(10_000) });
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 10_000 });
    const tooMany = await t
      .http()
      .post(`${base(tenant)}/import`)
      .set(bearer(owner))
      .send({ format: 'csv', csv: leadsCsv(10_001) });
    expect(tooMany.status).toBe(413);
    expect(tooMany.body).toMatchObject({ rows: 10_001, max: 10_000 });
    expect(tooMany.body.type).toContain('lead-import-too-large');
    expect(await leadModel(t.app).countDocuments({ tenantId: new Types.ObjectId(tenant) })).toBe(10_000);
    // Three imports of 10,000 rows against the test database stand-in, which scans for `$in` reads: room, not a timing.
  }, 180_000);

  it('marks the lead contacted once per call when call.completed is delivered twice', async () => {
    const lead = await createLead(t, owner, tenantId);
    const relay = t.app.get(EffectsRelay);
    const model = leadModel(t.app);
    const callId = new Types.ObjectId().toString();
    const payload = {
      tenantId,
      callId,
      agentId: new Types.ObjectId().toString(),
      leadId: lead.id,
      direction: 'outbound' as const,
      callStatus: 'completed' as const,
      durationSeconds: 42,
      costMinor: 12,
      costCurrency: 'USD',
      callEndedAt: '2026-01-02T03:04:05.000Z',
    };
    const deliverOnce = async (key: string) => {
      const owed = relay.owe('call.completed', payload, key).filter((effect) => effect.name === 'call.completed>leads');
      expect(owed).toHaveLength(1);
      const carrier = await model.findOneAndUpdate(
        { tenantId: new Types.ObjectId(tenantId), _id: new Types.ObjectId(lead.id) },
        { $push: { effects: { $each: owedEffects(owed) } } },
        { returnDocument: 'after' },
      );
      await relay.deliver(model, carrier!.toObject());
    };
    const before = updatesOf(lead.id).length;
    await deliverOnce(`call-completed:${callId}`);
    await deliverOnce(`call-completed:${callId}:again`);
    const read = (await t.http().get(`${base()}/${lead.id}`).set(bearer(owner))).body;
    expect(read).toMatchObject({
      status: 'contacted',
      callCount: 1,
      lastCallId: callId,
      lastCallStatus: 'completed',
      lastContactedAt: '2026-01-02T03:04:05.000Z',
    });
    expect(
      updatesOf(lead.id)
        .slice(before)
        .map((update) => update.leadChanges),
    ).toEqual([['lastCallId', 'lastCallStatus', 'callCount', 'lastContactedAt'], ['status']]);

    const unanswered = { ...payload, callId: new Types.ObjectId().toString(), callStatus: 'no_answer' as const };
    const owed = relay
      .owe('call.completed', unanswered, `call-completed:${unanswered.callId}`)
      .filter((e) => e.name === 'call.completed>leads');
    const carrier = await model.findOneAndUpdate(
      { tenantId: new Types.ObjectId(tenantId), _id: new Types.ObjectId(lead.id) },
      { $push: { effects: { $each: owedEffects(owed) } } },
      { returnDocument: 'after' },
    );
    await relay.deliver(model, carrier!.toObject());
    expect((await t.http().get(`${base()}/${lead.id}`).set(bearer(owner))).body).toMatchObject({
      callCount: 2,
      lastCallStatus: 'no_answer',
      lastContactedAt: '2026-01-02T03:04:05.000Z',
    });
  });
});
