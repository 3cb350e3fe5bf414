import type { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { expect } from 'vitest';
import type { TestApp } from '../app.js';
import { bearer } from '../auth.js';
import { Lead } from '../../../src/modules/leads/schemas/lead.schema.js';

type Caller = { accessToken: string };

export const leadModel = (app: INestApplicationContext) => app.get<Model<Lead>>(getModelToken(Lead.name));

let sequence = 0;

/**
 * A valid US number no other lead of a test run has: area code 415 (Pacific), exchange 555-01xx is reserved for
 * fiction, so the line part varies across the 2xx–9xx exchanges libphonenumber accepts.
 */
export function uniquePhone(): string {
  const n = (Date.now() % 1_000_000) * 100 + (++sequence % 100);
  const exchange = 200 + (Math.floor(n / 10_000) % 800);
  const line = String(n % 10_000).padStart(4, '0');
  return `+1415${exchange}${line}`;
}

/** A lead created through the API; answers its body. */
export async function createLead(
  t: TestApp,
  caller: Caller,
  tenantId: string,
  input: Record<string, unknown> = {},
): Promise<{ id: string; phone: string; status: string; timezone: string } & Record<string, unknown>> {
  const response = await t
    .http()
    .post(`/api/tenants/${tenantId}/leads`)
    .set(bearer(caller))
    .send({ name: `Lead ${++sequence}`, phone: uniquePhone(), ...input });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

/** Several leads of one tenant, through the API. */
export async function createLeads(t: TestApp, caller: Caller, tenantId: string, count: number, input: Record<string, unknown> = {}) {
  const leads = [];
  for (let index = 0; index < count; index++) leads.push(await createLead(t, caller, tenantId, input));
  return leads;
}

/** A CSV of `count` distinct valid leads (header included), for import tests. */
export function leadsCsv(count: number, firstLine = 0): string {
  const lines = ['name,phone,email,tags'];
  for (let index = 0; index < count; index++) {
    const n = firstLine + index;
    lines.push(`Lead ${n},+1212${200 + Math.floor(n / 10_000)}${String(n % 10_000).padStart(4, '0')},lead${n}@example.com,csv;bulk`);
  }
  return `${lines.join('\n')}\n`;
}
