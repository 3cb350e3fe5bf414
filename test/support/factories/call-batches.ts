import type { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { expect } from 'vitest';
import { Types, type Model } from 'mongoose';
import type { TestApp } from '../app.js';
import { bearer } from '../auth.js';
import { noonZone } from '../zones.js';
import { CallBatchesDrainJob } from '../../../src/modules/call-batches/jobs/call-batches-drain.job.js';
import { CallBatchItem } from '../../../src/modules/call-batches/schemas/call-batch-item.schema.js';
import { CallBatch } from '../../../src/modules/call-batches/schemas/call-batch.schema.js';

type Caller = { accessToken: string };

export const callBatchModel = (app: INestApplicationContext) => app.get<Model<CallBatch>>(getModelToken(CallBatch.name));
export const callBatchItemModel = (app: INestApplicationContext) => app.get<Model<CallBatchItem>>(getModelToken(CallBatchItem.name));

/**
 * Calling hours as wide as they go, for tests that are not about them: every minute of the day but the last (the end
 * is exclusive and cannot be 24:00), so the leads below live where it is about noon, far from that closed minute.
 */
export const ALWAYS_OPEN = { start: '00:00', end: '23:59' } as const;

/** A batch started through the API; answers its body (with the progress). */
export async function startBatch(
  t: TestApp,
  caller: Caller,
  tenantId: string,
  input: {
    agentId: string;
    leadIds?: string[];
    filter?: Record<string, unknown>;
    callingHours?: Record<string, unknown>;
    retry?: Record<string, number>;
    name?: string;
  },
) {
  const response = await t
    .http()
    .post(`/api/tenants/${tenantId}/call-batches`)
    .set(bearer(caller))
    .send({ name: `Batch ${Date.now().toString(36)}`, callingHours: ALWAYS_OPEN, ...input });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string; status: string; progress: Record<string, unknown> };
}

/** One run of the drain job on this instance (as the scheduler or the admin route would run it). */
export const drainOnce = (app: INestApplicationContext, now?: Date) => app.get(CallBatchesDrainJob).run(now);

/** A batch's items, read as the tests check them. */
export const itemsOfBatch = (app: INestApplicationContext, tenantId: string, batchId: string) =>
  callBatchItemModel(app)
    .find({ tenantId: new Types.ObjectId(tenantId), batchId: new Types.ObjectId(batchId) })
    .lean();

/** Makes a batch's waiting items due (by `at`, default a second ago), as if their retry delay or calling-hours wait had passed. */
export const makeItemsDue = (app: INestApplicationContext, tenantId: string, batchId: string, at = new Date(Date.now() - 1000)) =>
  callBatchItemModel(app).updateMany(
    { tenantId: new Types.ObjectId(tenantId), batchId: new Types.ObjectId(batchId), state: 'pending' },
    { $set: { nextAttemptAt: at } },
  );

let numberSequence = Math.floor(Math.random() * 90_000);
/** A distinct US number per call (+1 415 2xx xxxx) ending in the digit asked: the embedded Vapi reads the outcome from it. */
const numberEnding = (lastDigit: number) => `+14152${String(++numberSequence % 100_000).padStart(5, '0')}${lastDigit % 10}`;

/** An active voice agent of the tenant, built through the routes as its owner would: catalogue voice, number, agent, activate. */
export async function batchAgent(t: TestApp, owner: Caller, tenantId: string): Promise<string> {
  const catalogue = await t.http().get('/api/voices').set(bearer(owner));
  expect(catalogue.status, JSON.stringify(catalogue.body)).toBe(200);
  const voices = (catalogue.body.items ?? catalogue.body) as { id: string }[];
  const number = await t
    .http()
    .post(`/api/tenants/${tenantId}/phone-numbers`)
    .set(bearer(owner))
    .send({ number: numberEnding(0), provider: 'vapi' });
  expect(number.status, JSON.stringify(number.body)).toBe(201);
  const agent = await t.http().post(`/api/tenants/${tenantId}/voice-agents`).set(bearer(owner)).send({
    name: 'Batch caller',
    voiceId: voices[0].id,
    defaultNumberId: number.body.id,
    outboundPrompt: 'Ask whether they want a demo.',
  });
  expect(agent.status, JSON.stringify(agent.body)).toBe(201);
  const active = await t.http().post(`/api/tenants/${tenantId}/voice-agents/${agent.body.id}/activate`).set(bearer(owner));
  expect(active.status, JSON.stringify(active.body)).toBe(200);
  return agent.body.id as string;
}

/**
 * Leads created through the API; each number ends in `lastDigit` (0–6 answer, 7 no answer, 8 busy, 9 failed). Unless
 * given a zone, a lead's clock shows about noon, inside ALWAYS_OPEN whatever the time of day the test runs at.
 */
export async function batchLeads(
  t: TestApp,
  owner: Caller,
  tenantId: string,
  specs: { lastDigit: number; timezone?: string; status?: string }[],
): Promise<{ id: string; phone: string }[]> {
  const leads: { id: string; phone: string }[] = [];
  for (const [index, spec] of specs.entries()) {
    const response = await t
      .http()
      .post(`/api/tenants/${tenantId}/leads`)
      .set(bearer(owner))
      .send({ name: `Lead ${index + 1}`, phone: numberEnding(spec.lastDigit), timezone: spec.timezone ?? noonZone() });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    leads.push({ id: response.body.id, phone: response.body.phone });
  }
  return leads;
}
