import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { isDuplicateKeyOn } from '../../core/database/duplicate-key.js';
import { compact } from '../../core/database/find-page.js';
import { prefixPattern } from '../../core/database/prefix-pattern.js';
import { scoped, tenantIdOf, type TenantScoped } from '../../core/database/tenant-scoped.js';
import { owedEffects } from '../../core/events/owed-effect.js';
import type { Page } from '../../core/http/pagination.js';
import { auditEntry, originOf, transition } from '../../core/lifecycle/index.js';
import { normalizePhone, timezoneOfNumber, type CountryCode } from '../../core/phone/index.js';
import type { CreateLeadDto, LeadDto, LeadListQueryDto, UpdateLeadDto } from './dto/lead.dto.js';
import { LeadEvents } from './lead-events.js';
import { leadLifecycle, leadTrigger } from './lead.lifecycle.js';
import { toLeadDto } from './lead.mapper.js';
import type { LeadStatus } from './leads.events.js';
import { LeadsConfig } from './leads.config.js';
import { invalidPhone, leadDoNotCall, leadNotFound, leadPhoneTaken } from './leads-problems.js';
import { Lead } from './schemas/lead.schema.js';

const oid = (id: string) => new Types.ObjectId(id);
/** Tags as stored: trimmed, once each, in the order given. */
export const cleanTags = (tags: string[]): string[] => [...new Set(tags.map((tag) => tag.trim()).filter(Boolean))];

/** A tenant's leads: the routes' rules. Calls and imports write through their own services. */
@Injectable()
export class LeadsService {
  readonly leads: TenantScoped<Lead>;

  constructor(
    private readonly policy: PermissionPolicy,
    @InjectModel(Lead.name) model: Model<Lead>,
    private readonly events: LeadEvents,
    private readonly config: LeadsConfig,
  ) {
    this.leads = scoped(model);
  }

  /** The number in E.164, or 400 naming the field. */
  phoneOf(input: string, country: string | undefined, field: string): { e164: string; country?: string } {
    const normalized = normalizePhone(input, (country ?? this.config.LEADS_DEFAULT_COUNTRY) as CountryCode);
    if (!normalized) throw invalidPhone(field);
    return normalized;
  }

  async list(ctx: RequestContext, tenantId: string, query: LeadListQueryDto): Promise<Page<LeadDto>> {
    this.policy.requireOn(ctx, 'lead.read', { tenantId }, 'tenant');
    const q = query.q?.trim();
    const digits = q && /^\+?[\d\s().-]+$/.test(q) ? q.replace(/[^\d]/g, '') : undefined;
    const search = q
      ? trusted({
          $or: [{ nameKey: new RegExp(prefixPattern(q.toLowerCase())) }, ...(digits ? [{ phone: new RegExp(`^\\+${digits}`) }] : [])],
        })
      : {};
    const filter = compact({ tenantId: tenantIdOf(tenantId), status: query.status, tags: query.tag?.trim(), source: query.source });
    return this.leads.findPage({ ...filter, ...search }, query, toLeadDto);
  }

  async create(ctx: RequestContext, tenantId: string, input: CreateLeadDto): Promise<LeadDto> {
    this.policy.requireOn(ctx, 'lead.read', { tenantId }, 'tenant');
    this.policy.require(ctx, 'lead.write');
    const phone = this.phoneOf(input.phone, input.phoneCountry, 'phone');
    const now = new Date();
    const _id = new Types.ObjectId();
    const owner = { _id, tenantId: tenantIdOf(tenantId), status: 'new' as LeadStatus };
    try {
      const created = await this.leads.model.create({
        ...owner,
        name: input.name.trim(),
        nameKey: input.name.trim().toLowerCase(),
        phone: phone.e164,
        phoneCountry: phone.country,
        email: input.email,
        source: input.source ?? 'manual',
        tags: cleanTags(input.tags ?? []),
        timezone: input.timezone ?? timezoneOfNumber(phone.e164),
        notes: input.notes,
        externalId: input.externalId,
        createdBy: ctx.actor ? oid(ctx.actor.id) : undefined,
        audit: [auditEntry(null, 'new', originOf(ctx, leadTrigger(ctx)), now)],
        effects: owedEffects(this.events.owe(owner, ['created'], now), now),
      });
      const lead = created.toObject() as Lead;
      await this.events.deliver(lead);
      return toLeadDto(lead);
    } catch (error) {
      if (isDuplicateKeyOn(error, ['tenantId', 'phone'])) throw leadPhoneTaken(phone.e164);
      throw error;
    }
  }

  async get(ctx: RequestContext, tenantId: string, leadId: string): Promise<LeadDto> {
    this.policy.requireOn(ctx, 'lead.read', { tenantId }, 'tenant');
    return toLeadDto(await this.load(tenantId, leadId));
  }

  async byPhone(ctx: RequestContext, tenantId: string, phone: string): Promise<LeadDto> {
    this.policy.requireOn(ctx, 'lead.read', { tenantId }, 'tenant');
    const { e164 } = this.phoneOf(phone, undefined, 'phone');
    const lead = await this.leads.findOne({ tenantId: tenantIdOf(tenantId), phone: e164 });
    if (!lead) throw leadNotFound();
    return toLeadDto(lead);
  }

  async update(ctx: RequestContext, tenantId: string, leadId: string, input: UpdateLeadDto): Promise<LeadDto> {
    this.policy.requireOn(ctx, 'lead.read', { tenantId }, 'tenant');
    this.policy.require(ctx, 'lead.write');
    const before = await this.load(tenantId, leadId);
    const phone = input.phone === undefined ? undefined : this.phoneOf(input.phone, input.phoneCountry, 'phone');
    const wanted = compact({
      name: input.name?.trim(),
      nameKey: input.name?.trim().toLowerCase(),
      phone: phone?.e164,
      phoneCountry: phone?.country,
      email: input.email,
      tags: input.tags === undefined ? undefined : cleanTags(input.tags),
      timezone: input.timezone,
      notes: input.notes,
      externalId: input.externalId,
    });
    const set = Object.fromEntries(
      Object.entries(wanted).filter(([field, value]) => JSON.stringify(value) !== JSON.stringify(before[field as keyof Lead])),
    ) as Partial<Lead>;
    // A new number without a timezone of its own rings in the new number's zone.
    if (set.phone && input.timezone === undefined) set.timezone = timezoneOfNumber(set.phone);
    const changes = Object.keys(set).filter((field) => field !== 'nameKey');
    try {
      if (input.status !== undefined && input.status !== before.status) {
        const moved = await transition(this.leads.model, leadLifecycle, {
          id: before._id,
          scope: { tenantId: before.tenantId },
          to: input.status,
          expectedFrom: before.status,
          origin: originOf(ctx, leadTrigger(ctx)),
          set,
          effects: this.events.owe({ ...before, status: input.status }, ['status', ...changes]),
        });
        await this.events.deliver(moved.document);
        return toLeadDto(moved.document);
      }
      if (changes.length === 0) return toLeadDto(before);
      const now = new Date();
      const updated = await this.leads.findOneAndUpdate(
        { tenantId: before.tenantId, _id: before._id },
        { $set: set, $push: { effects: { $each: owedEffects(this.events.owe(before, changes, now), now) } } },
      );
      if (!updated) throw leadNotFound();
      await this.events.deliver(updated);
      return toLeadDto(updated);
    } catch (error) {
      if (phone && isDuplicateKeyOn(error, ['tenantId', 'phone'])) throw leadPhoneTaken(phone.e164);
      throw error;
    }
  }

  /** A move along the lead lifecycle (409 when the table forbids it for the caller). */
  async transition(ctx: RequestContext, tenantId: string, leadId: string, to: LeadStatus, reason?: string): Promise<LeadDto> {
    this.policy.requireOn(ctx, 'lead.read', { tenantId }, 'tenant');
    this.policy.require(ctx, 'lead.write');
    const before = await this.load(tenantId, leadId);
    const moved = await transition(this.leads.model, leadLifecycle, {
      id: before._id,
      scope: { tenantId: before.tenantId },
      to,
      origin: originOf(ctx, leadTrigger(ctx), reason),
      effects: this.events.owe({ ...before, status: to }, ['status']),
    });
    if (moved.moved) await this.events.deliver(moved.document);
    return toLeadDto(moved.document);
  }

  /** Someone reached the lead (by phone, mail, in person): a new lead becomes contacted, and the time is kept. */
  async markContacted(ctx: RequestContext, tenantId: string, leadId: string): Promise<LeadDto> {
    this.policy.requireOn(ctx, 'lead.read', { tenantId }, 'tenant');
    this.policy.require(ctx, 'lead.write');
    const before = await this.load(tenantId, leadId);
    if (before.status === 'do_not_call') throw leadDoNotCall();
    const now = new Date();
    if (before.status === 'new') {
      const moved = await transition(this.leads.model, leadLifecycle, {
        id: before._id,
        scope: { tenantId: before.tenantId },
        to: 'contacted',
        expectedFrom: 'new',
        origin: originOf(ctx, leadTrigger(ctx)),
        set: { lastContactedAt: now },
        effects: this.events.owe({ ...before, status: 'contacted' }, ['status', 'lastContactedAt'], now),
      });
      await this.events.deliver(moved.document);
      return toLeadDto(moved.document);
    }
    const updated = await this.leads.findOneAndUpdate(
      { tenantId: before.tenantId, _id: before._id },
      {
        $set: { lastContactedAt: now },
        $push: { effects: { $each: owedEffects(this.events.owe(before, ['lastContactedAt'], now), now) } },
      },
    );
    if (!updated) throw leadNotFound();
    await this.events.deliver(updated);
    return toLeadDto(updated);
  }

  async remove(ctx: RequestContext, tenantId: string, leadId: string): Promise<void> {
    this.policy.requireOn(ctx, 'lead.read', { tenantId }, 'tenant');
    this.policy.require(ctx, 'lead.manage');
    const deleted = await this.leads.findOneAndDelete({ tenantId: tenantIdOf(tenantId), _id: oid(leadId) });
    if (!deleted) throw leadNotFound();
  }

  private async load(tenantId: string, leadId: string): Promise<Lead> {
    const lead = await this.leads.findOne({ tenantId: tenantIdOf(tenantId), _id: oid(leadId) });
    if (!lead) throw leadNotFound();
    return lead;
  }
}
