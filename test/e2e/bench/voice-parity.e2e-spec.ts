import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, type TestUser } from '../../support/auth.js';
import { createTenant } from '../../support/factories/tenancy.js';
import { VAPI_TEST_SECRET, insertCall, postVapi } from '../../support/factories/voice-calls.js';
import { startBaseline, type BaselineProcess } from './baseline-process.js';

const USER_AGENT = 'baseline-parity';

/** The voice bench scenarios compare Atrium with the baseline; the baseline must do the same work and store the same. */
describe('the benchmark baseline imports leads and takes Vapi messages as Atrium does', () => {
  let t: TestApp;
  let baseline: BaselineProcess;
  let owner: TestUser;
  let tenantId: string;

  beforeAll(async () => {
    t = await startTestApp();
    owner = await registerUser(t);
    tenantId = (await createTenant(t, owner)).id;
    baseline = await startBaseline();
  });
  afterAll(async () => {
    await baseline?.kill();
    await t?.close();
  });

  const rowsFor = (area: string) => [
    { name: 'Ada Byron', phone: `(${area}) 555-0101`, email: 'ada@example.com', tags: ['vip', 'vip', 'spring'] },
    { name: 'Grace Hopper', phone: `+1 ${area} 555 0102`, timezone: 'America/Chicago' },
    { name: 'Bad Number', phone: '12' },
    { name: 'Repeat', phone: `${area}-555-0101` },
    { phone: `${area} 555 0103` },
  ];
  const baselineImport = (body: unknown, user: TestUser = owner) =>
    fetch(`${baseline.base}/tenants/${tenantId}/leads/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${user.accessToken}`, 'content-type': 'application/json', 'user-agent': USER_AGENT },
      body: JSON.stringify(body),
    });
  const stored = async (phonePrefix: string) =>
    (
      await t.connection
        .collection('leads')
        .find({ phone: new RegExp(`^\\+1${phonePrefix}`) })
        .sort({ phone: 1 })
        .toArray()
    ).map(({ _id, phone, createdAt, updatedAt, audit, effects, createdBy, ...rest }) => ({
      ...rest,
      phone: phone.slice(5),
      createdBy: String(createdBy),
      audit: audit.map(({ at, ...entry }: { at: Date }) => ({ ...entry, at: at instanceof Date })),
      effects: effects.map(({ key, dueAt, state: _state, payload, ...effect }: Record<string, unknown>) => ({
        ...effect,
        key: String(key)
          .replace(String(_id), 'lead')
          .replace(/[0-9a-f]{24}>/, 'occurrence>'),
        payload: { ...(payload as object), leadId: 'lead', leadUpdatedAt: 'at' },
        due: dueAt instanceof Date,
      })),
      stamped: createdAt instanceof Date && updatedAt instanceof Date,
    }));

  it('answers the same report and stores the same leads, with the same owed effect', async () => {
    const atrium = await t
      .http()
      .post(`/api/tenants/${tenantId}/leads/import`)
      .set(bearer(owner))
      .set('user-agent', USER_AGENT)
      .send({ format: 'json', rows: rowsFor('206') });
    const base = await baselineImport({ format: 'json', rows: rowsFor('425') });
    expect([atrium.status, base.status]).toEqual([200, 200]);
    const baseReport = (await base.json()) as Record<string, unknown>;
    expect(baseReport).toEqual({ ...atrium.body, rejectedRows: expect.any(Array) });
    expect((baseReport.rejectedRows as { line: number; field: string }[]).map(({ line, field }) => [line, field])).toEqual(
      (atrium.body.rejectedRows as { line: number; field: string }[]).map(({ line, field }) => [line, field]),
    );
    const [ours, theirs] = [await stored('206'), await stored('425')];
    expect(ours.length).toBe(2);
    // The baseline marks its effects done so that Atrium's relay leaves them alone while the baseline is measured.
    expect(theirs).toEqual(ours);
  });

  it('refuses what Atrium refuses: another user, a viewer-less outsider, too many rows, not an object', async () => {
    const stranger = await registerUser(t);
    expect((await baselineImport({ format: 'json', rows: [] }, stranger)).status).toBe(404);
    expect(
      (await t.http().post(`/api/tenants/${tenantId}/leads/import`).set(bearer(stranger)).send({ format: 'json', rows: [] })).status,
    ).toBe(404);
    for (const body of [
      { format: 'json', rows: Array.from({ length: 1001 }, () => ({})) },
      { format: 'json', rows: [1] },
    ]) {
      expect((await baselineImport(body)).status).toBe(400);
      expect((await t.http().post(`/api/tenants/${tenantId}/leads/import`).set(bearer(owner)).send(body)).status).toBe(400);
    }
  });

  it('stores a Vapi message for a known call alike, and refuses a wrong secret alike', async () => {
    const callId = await insertCall(t.app, { tenantId, status: 'in_progress' });
    const vapiCallId = `vapi-parity-${new Types.ObjectId().toString()}`;
    await t.connection.collection('voice_calls').updateOne({ _id: new Types.ObjectId(callId) }, { $set: { vapiCallId } });
    const message = (sequence: number) =>
      JSON.stringify({ message: { type: 'speech-update', status: 'started', role: 'assistant', sequence, call: { id: vapiCallId } } });
    const baselineVapi = (body: string, secret = VAPI_TEST_SECRET) =>
      fetch(`${baseline.base}/voice/webhooks/vapi`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-vapi-secret': secret },
        body,
      });

    const atrium = await postVapi(t, message(1));
    const base = await baselineVapi(message(2));
    expect([atrium.status, base.status]).toEqual([200, 200]);
    expect(await base.json()).toEqual(atrium.body);
    const again = await baselineVapi(message(2));
    expect(await again.json()).toEqual((await postVapi(t, message(1))).body);

    const docs = await t.connection.collection('voice_vapi_messages').find({ vapiCallId }).sort({ 'body.sequence': 1 }).toArray();
    const shape = ({ _id, digest, createdAt, updatedAt, body, __v, ...rest }: Record<string, unknown>) => ({
      ...rest,
      digest: String(digest).length,
      body: { ...(body as object), sequence: 0 },
      stamped: createdAt instanceof Date && updatedAt instanceof Date,
    });
    expect(docs.length).toBe(2);
    expect(shape(docs[1]!)).toEqual(shape(docs[0]!));

    expect((await baselineVapi(message(3), 'not-the-secret')).status).toBe(401);
    expect((await postVapi(t, message(3), 'not-the-secret')).status).toBe(401);
  });
});
