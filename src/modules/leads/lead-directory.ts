import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { anyOf, compact } from '../../core/database/find-page.js';
import { scoped, tenantIdOf, type TenantScoped } from '../../core/database/tenant-scoped.js';
import type { LeadStatus } from './leads.events.js';
import { CALLABLE_FIELDS, toCallableLead } from './lead.mapper.js';
import { Lead } from './schemas/lead.schema.js';

/** What another context needs of a lead to call it. A do-not-call lead is answered with its status; the caller refuses. */
export interface CallableLead {
  id: string;
  tenantId: string;
  name: string;
  /** E.164. */
  phone: string;
  /** IANA. */
  timezone: string;
  status: LeadStatus;
}

const MAX_IDS = 10_000;
const isId = (id: string) => typeof id === 'string' && id.length === 24 && Types.ObjectId.isValid(id);

/** The leads other contexts read (calls, batches, inbound calls); they never write leads. */
@Injectable()
export class LeadDirectory {
  private readonly leads: TenantScoped<Lead>;

  constructor(@InjectModel(Lead.name) model: Model<Lead>) {
    this.leads = scoped(model);
  }

  /** The tenant's leads among these ids, in no particular order; unknown ids are left out. At most 10,000 ids. */
  async forCalls(tenantId: string, leadIds: string[]): Promise<CallableLead[]> {
    if (leadIds.length > MAX_IDS) throw new RangeError(`forCalls takes at most ${MAX_IDS} ids`);
    const ids = [...new Set(leadIds.filter(isId))].map((id) => new Types.ObjectId(id));
    if (ids.length === 0) return [];
    const found = await this.leads.find({ tenantId: tenantIdOf(tenantId), _id: anyOf(ids) }, CALLABLE_FIELDS);
    return found.map(toCallableLead);
  }

  /** One lead of the tenant, or null. */
  async one(tenantId: string, leadId: string): Promise<CallableLead | null> {
    if (!isId(leadId)) return null;
    const lead = await this.leads.findOne({ tenantId: tenantIdOf(tenantId), _id: new Types.ObjectId(leadId) }, CALLABLE_FIELDS);
    return lead ? toCallableLead(lead) : null;
  }

  /** Ids of the tenant's leads matching a filter (for a batch made from a filter), at most `limit`, oldest first. */
  async idsWhere(tenantId: string, filter: { statuses?: LeadStatus[]; tags?: string[] }, limit: number): Promise<string[]> {
    const bounded = Math.max(0, Math.min(Math.floor(limit), MAX_IDS));
    if (bounded === 0) return [];
    const query = compact({
      tenantId: tenantIdOf(tenantId),
      status: filter.statuses?.length ? anyOf(filter.statuses) : undefined,
      tags: filter.tags?.length ? anyOf(filter.tags) : undefined,
    });
    const found = await this.leads.model
      .find(query, { _id: 1 })
      .sort({ createdAt: 1, _id: 1 })
      .limit(bounded)
      .lean<{ _id: Types.ObjectId }[]>();
    return found.map((lead) => lead._id.toString());
  }

  /** The lead with this E.164 number in the tenant, or null (inbound calls). */
  async byPhone(tenantId: string, e164: string): Promise<CallableLead | null> {
    if (typeof e164 !== 'string' || e164.length > 20) return null;
    const lead = await this.leads.findOne({ tenantId: tenantIdOf(tenantId), phone: e164 }, CALLABLE_FIELDS);
    return lead ? toCallableLead(lead) : null;
  }
}
