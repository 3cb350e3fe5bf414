import type { INestApplicationContext } from '@nestjs/common';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedLeads } from '../../../src/cli/seeders/leads.seeder.js';
import { isTimezone, normalizePhone } from '../../../src/core/phone/index.js';
import { LeadDirectory } from '../../../src/modules/leads/index.js';
import { leadLifecycle } from '../../../src/modules/leads/lead.lifecycle.js';
import { leadModel } from '../../support/factories/leads.js';
import { startMediumApp } from '../../support/medium-app.js';

describe('the leads seeder and directory', () => {
  let app: INestApplicationContext;
  let close: () => Promise<void>;
  const tenantId = new Types.ObjectId();

  beforeAll(async () => {
    ({ app, close } = await startMediumApp());
  });
  afterAll(() => close?.());

  it('seeds valid, distinct E.164 leads over several zones, and adds nothing on a rerun', async () => {
    expect(await seedLeads(app, tenantId, 500)).toBe(500);
    expect(await seedLeads(app, tenantId, 500)).toBe(0);
    const seeded = await leadModel(app).find({ tenantId }).lean();
    expect(seeded).toHaveLength(500);
    expect(new Set(seeded.map((lead) => lead.phone)).size).toBe(500);
    for (const lead of seeded) {
      expect(normalizePhone(lead.phone)?.e164).toBe(lead.phone);
      expect(isTimezone(lead.timezone)).toBe(true);
      expect(leadLifecycle.states).toContain(lead.status);
    }
    expect(new Set(seeded.map((lead) => lead.timezone)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(seeded.map((lead) => lead.status)).size).toBeGreaterThanOrEqual(4);
  });

  it('answers callable leads by ids, filter and number, only within the tenant', async () => {
    const directory = app.get(LeadDirectory);
    const some = await leadModel(app).find({ tenantId }).limit(5).lean();
    const ids = some.map((lead) => lead._id.toString());
    const found = await directory.forCalls(tenantId.toString(), [...ids, new Types.ObjectId().toString(), 'not-an-id']);
    expect(found.map((lead) => lead.id).sort()).toEqual([...ids].sort());
    expect(await directory.forCalls(new Types.ObjectId().toString(), ids)).toEqual([]);
    const first = some[0]!;
    expect(await directory.one(tenantId.toString(), first._id.toString())).toMatchObject({
      id: first._id.toString(),
      phone: first.phone,
      timezone: first.timezone,
      status: first.status,
    });
    expect(await directory.byPhone(tenantId.toString(), first.phone)).toMatchObject({ id: first._id.toString() });
    expect(await directory.byPhone(new Types.ObjectId().toString(), first.phone)).toBeNull();
    const fresh = await directory.idsWhere(tenantId.toString(), { statuses: ['new'] }, 50);
    expect(fresh).toHaveLength(50);
    const byTag = await directory.idsWhere(tenantId.toString(), { tags: ['webinar'] }, 10_000);
    expect(byTag.length).toBe(await leadModel(app).countDocuments({ tenantId, tags: 'webinar' }));
  });
});
