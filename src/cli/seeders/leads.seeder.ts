import type { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { createHash } from 'node:crypto';
import { Types, type Model } from 'mongoose';
import { anyOf } from '../../core/database/find-page.js';
import { insertManySkippingDuplicates } from '../../core/database/duplicate-key.js';
import { auditEntry } from '../../core/lifecycle/index.js';
import { normalizePhone, timezoneOfNumber, type CountryCode } from '../../core/phone/index.js';
import type { LeadStatus } from '../../modules/leads/index.js';
import { Lead, type LeadSource } from '../../modules/leads/schemas/lead.schema.js';
import type { SeedProgress } from '../seed-progress.js';

export const LEADS_TO_SEED = 10_000;
const BATCH = 1000;

/**
 * Number plans the seeded leads are spread over, with their share: US area codes in each of the four mainland
 * zones, Canada, the UK, France, Germany, Australia and Japan, so batches meet leads whose local hours differ.
 * Each prefix leaves enough digits for a valid national number (checked with normalizePhone when seeding).
 */
const PLANS: readonly { country: CountryCode; prefix: string; digits: number; share: number }[] = [
  { country: 'US', prefix: '+1415', digits: 7, share: 20 }, // Pacific
  { country: 'US', prefix: '+1303', digits: 7, share: 10 }, // Mountain
  { country: 'US', prefix: '+1602', digits: 7, share: 5 }, // Arizona
  { country: 'US', prefix: '+1312', digits: 7, share: 15 }, // Central
  { country: 'US', prefix: '+1212', digits: 7, share: 20 }, // Eastern
  { country: 'CA', prefix: '+1604', digits: 7, share: 5 },
  { country: 'GB', prefix: '+4420', digits: 8, share: 10 },
  { country: 'FR', prefix: '+331', digits: 8, share: 5 },
  { country: 'DE', prefix: '+4930', digits: 8, share: 5 },
  { country: 'AU', prefix: '+612', digits: 8, share: 3 },
  { country: 'JP', prefix: '+813', digits: 8, share: 2 },
];

const STATUS_MIX: readonly [LeadStatus, number][] = [
  ['new', 55],
  ['contacted', 20],
  ['qualified', 10],
  ['converted', 5],
  ['lost', 7],
  ['do_not_call', 3],
];
const SOURCES: readonly LeadSource[] = ['import', 'import', 'manual', 'web', 'api', 'inbound'];
const TAGS = ['spring-campaign', 'webinar', 'referral', 'enterprise', 'smb', 'trial'];
const FIRST = ['Ada', 'Grace', 'Alan', 'Linus', 'Margaret', 'Dennis', 'Barbara', 'Ken', 'Radia', 'Tim', 'Frances', 'Edsger'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Torvalds', 'Hamilton', 'Ritchie', 'Liskov', 'Thompson', 'Perlman', 'Berners-Lee'];

const hash = (text: string) => createHash('sha256').update(text).digest('hex');
const seededId = (tenantId: Types.ObjectId, index: number) =>
  new Types.ObjectId(hash(`seed-lead:${tenantId.toString()}:${index}`).slice(0, 24));

const pick = <T>(mix: readonly [T, number][], roll: number): T => {
  const total = mix.reduce((sum, [, weight]) => sum + weight, 0);
  let left = roll % total;
  for (const [value, weight] of mix) {
    if (left < weight) return value;
    left -= weight;
  }
  return mix[0]![0];
};

/** The index-th seeded number: a plan by share, then distinct digits within it; skips numbers the metadata refuses. */
function numberAt(index: number): { e164: string; country: CountryCode } {
  const plan = pick(
    PLANS.map((candidate) => [candidate, candidate.share] as const),
    index,
  );
  for (let attempt = 0; attempt < 20; attempt++) {
    const serial = index * 20 + attempt;
    // A national number that starts 2–9 (no leading 0/1), then the serial.
    const body = `${2 + (serial % 8)}${String(5_550_000 + serial)
      .padStart(plan.digits - 1, '0')
      .slice(-(plan.digits - 1))}`;
    const normalized = normalizePhone(`${plan.prefix}${body}`);
    if (normalized) return { e164: normalized.e164, country: plan.country };
  }
  throw new Error(`no valid seeded number for lead ${index}`);
}

/**
 * Inserts `count` leads for one tenant, across a few countries and US zones, in every status. Ids derive from
 * the tenant and the index, so a rerun inserts nothing; numbers derive from the index, so they are stable and
 * unique within the tenant. Answers how many it added.
 */
export async function seedLeads(
  app: INestApplicationContext,
  tenantId: Types.ObjectId | string,
  count = LEADS_TO_SEED,
  progress?: SeedProgress,
): Promise<number> {
  const tenant = typeof tenantId === 'string' ? new Types.ObjectId(tenantId) : tenantId;
  const leads = app.get<Model<Lead>>(getModelToken(Lead.name));
  const now = Date.now();
  const origin = { trigger: 'system' as const, source: 'seed' };
  progress?.start('leads', count);
  let inserted = 0;
  const used = new Set<string>();
  for (let from = 0; from < count; from += BATCH) {
    const indexes = Array.from({ length: Math.min(BATCH, count - from) }, (_, i) => from + i);
    const present = new Set(
      (await leads.find({ tenantId: tenant, _id: anyOf(indexes.map((index) => seededId(tenant, index))) }, { _id: 1 }).lean()).map((lead) =>
        lead._id.toString(),
      ),
    );
    const documents = [];
    for (const index of indexes) {
      const number = numberAt(index);
      if (used.has(number.e164)) continue;
      used.add(number.e164);
      const _id = seededId(tenant, index);
      if (present.has(_id.toString())) continue;
      const roll = parseInt(hash(`seed-lead-roll:${index}`).slice(0, 8), 16);
      const status = pick(STATUS_MIX, roll);
      const name = `${FIRST[roll % FIRST.length]} ${LAST[(roll >> 4) % LAST.length]}`;
      const createdAt = new Date(now - (roll % (90 * 24 * 60)) * 60_000);
      const contacted = status !== 'new' && status !== 'do_not_call';
      documents.push({
        _id,
        tenantId: tenant,
        name,
        nameKey: name.toLowerCase(),
        phone: number.e164,
        phoneCountry: number.country,
        email: roll % 3 === 0 ? undefined : `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${index}@example.com`,
        source: SOURCES[roll % SOURCES.length],
        status,
        tags: TAGS.filter((_, tag) => (roll >> (8 + tag)) % 5 === 0),
        timezone: timezoneOfNumber(number.e164),
        lastContactedAt: contacted ? new Date(createdAt.getTime() + 86_400_000) : undefined,
        callCount: contacted ? 1 + (roll % 3) : 0,
        countedCallIds: [],
        audit: [auditEntry(null, 'new', origin, createdAt), ...(status === 'new' ? [] : [auditEntry('new', status, origin, createdAt)])],
        createdAt,
        updatedAt: createdAt,
      });
    }
    inserted += await insertManySkippingDuplicates(leads, documents, { timestamps: false });
    progress?.advance(indexes.length);
  }
  return inserted;
}
