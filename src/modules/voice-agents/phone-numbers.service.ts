import { Injectable } from '@nestjs/common';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { isDuplicateKeyOn } from '../../core/database/duplicate-key.js';
import { compact } from '../../core/database/find-page.js';
import { TenantCaps } from '../../core/database/tenant-caps.js';
import type { Page } from '../../core/http/pagination.js';
import { originOf, transition } from '../../core/lifecycle/index.js';
import { normalizePhone } from '../../core/phone/index.js';
import type {
  CreatePhoneNumberDto,
  PhoneNumberDto,
  PhoneNumberQueryDto,
  ResolvedPhoneNumberDto,
  UpdatePhoneNumberDto,
} from './dto/phone-number.dto.js';
import { LeadDirectory } from '../leads/index.js';
import { phoneNumberLifecycle } from './phone-number.lifecycle.js';
import type { PhoneNumber } from './schemas/phone-number.schema.js';
import { invalidPhone, limitReached, notFound, numberInUse, phoneNumberTaken, unknownReference } from './voice-agents-problems.js';
import { VoiceAgentsConfig } from './voice-agents.config.js';
import { toPhoneNumberDto, toResolvedDto } from './voice-agents.mapper.js';
import { oid, VoiceAgentsRecords } from './voice-agents.records.js';
import { managerTrigger } from './voice-agents.triggers.js';

/** The numbers a tenant holds: one owner per number in the whole system, each ringing a default agent. */
@Injectable()
export class PhoneNumbersService {
  constructor(
    private readonly policy: PermissionPolicy,
    private readonly records: VoiceAgentsRecords,
    private readonly caps: TenantCaps,
    private readonly config: VoiceAgentsConfig,
    private readonly leads: LeadDirectory,
  ) {}

  list(ctx: RequestContext, tenantId: string, query: PhoneNumberQueryDto): Promise<Page<PhoneNumberDto>> {
    this.policy.requireOn(ctx, 'voice-config.read', { tenantId }, 'tenant');
    return this.records.numbers.findPage(compact({ tenantId: oid(tenantId), status: query.status }), query, toPhoneNumberDto, {
      createdAt: -1,
    });
  }

  async get(ctx: RequestContext, tenantId: string, numberId: string): Promise<PhoneNumberDto> {
    this.policy.requireOn(ctx, 'voice-config.read', { tenantId }, 'tenant');
    return toPhoneNumberDto(await this.load(tenantId, numberId));
  }

  /** Which of this tenant's numbers a spelling is: 400 when it is no number, 404 when the tenant has none such. */
  async resolve(ctx: RequestContext, tenantId: string, raw: string, from?: string): Promise<ResolvedPhoneNumberDto> {
    this.policy.requireOn(ctx, 'voice-config.read', { tenantId }, 'tenant');
    const normalized = normalizePhone(raw);
    if (!normalized) throw invalidPhone('number');
    // A caller's number written nationally is read in the country of the number called.
    const caller = from === undefined ? undefined : normalizePhone(from, normalized.country);
    if (caller === null) throw invalidPhone('from');
    const number = await this.records.numbers.findOne({ tenantId: oid(tenantId), e164: normalized.e164 });
    if (!number) throw notFound('phone number in this tenant');
    const lead = caller ? await this.leads.byPhone(tenantId, caller.e164) : null;
    return {
      ...toResolvedDto(number),
      ...(lead ? { caller: { leadId: lead.id, name: lead.name, phone: lead.phone, status: lead.status, timezone: lead.timezone } } : {}),
    };
  }

  async create(ctx: RequestContext, tenantId: string, input: CreatePhoneNumberDto): Promise<PhoneNumberDto> {
    this.policy.requireOn(ctx, 'voice-config.read', { tenantId }, 'tenant');
    this.policy.require(ctx, 'voice-config.manage');
    const normalized = normalizePhone(input.number);
    if (!normalized) throw invalidPhone('number');
    if (input.defaultAgentId !== undefined) await this.requireAgent(tenantId, input.defaultAgentId);
    const max = this.config.VOICE_NUMBERS_MAX_PER_TENANT;
    try {
      const number = await this.caps.create(
        this.records.numbers,
        {
          tenantId: oid(tenantId),
          e164: normalized.e164,
          provider: input.provider,
          providerNumberId: input.providerNumberId,
          label: input.label,
          capabilities: input.capabilities ?? { voice: true, sms: false },
          status: 'active',
          defaultAgentId: input.defaultAgentId ? oid(input.defaultAgentId) : undefined,
          createdBy: ctx.actor ? oid(ctx.actor.id) : undefined,
        },
        max,
        () => limitReached('phone numbers', max),
      );
      return toPhoneNumberDto(number);
    } catch (error) {
      // The same answer whichever tenant holds it: a number has one owner, and which one is not said.
      if (isDuplicateKeyOn(error, ['e164'])) throw phoneNumberTaken(normalized.e164);
      throw error;
    }
  }

  async update(ctx: RequestContext, tenantId: string, numberId: string, input: UpdatePhoneNumberDto): Promise<PhoneNumberDto> {
    this.policy.requireOn(ctx, 'voice-config.read', { tenantId }, 'tenant');
    this.policy.require(ctx, 'voice-config.manage');
    let number = await this.load(tenantId, numberId);
    if (typeof input.defaultAgentId === 'string') await this.requireAgent(tenantId, input.defaultAgentId);
    const set = compact({
      providerNumberId: input.providerNumberId,
      label: input.label,
      capabilities: input.capabilities,
      defaultAgentId: typeof input.defaultAgentId === 'string' ? oid(input.defaultAgentId) : undefined,
    });
    const unset = input.defaultAgentId === null ? { defaultAgentId: 1 } : undefined;
    if (Object.keys(set).length > 0 || unset) {
      const updated = await this.records.numbers.findOneAndUpdate(
        { tenantId: number.tenantId, _id: number._id },
        { ...(Object.keys(set).length ? { $set: set } : {}), ...(unset ? { $unset: unset } : {}) },
      );
      if (!updated) throw notFound('phone number');
      number = updated;
    }
    if (input.status !== undefined && input.status !== number.status) {
      const trigger = managerTrigger(ctx);
      phoneNumberLifecycle.assertMove(number.status, input.status, trigger);
      number = (
        await transition(this.records.numbers.model, phoneNumberLifecycle, {
          id: number._id,
          scope: { tenantId: number.tenantId },
          to: input.status,
          origin: originOf(ctx, trigger),
          expectedFrom: number.status,
        })
      ).document;
    }
    return toPhoneNumberDto(number);
  }

  /** A number an agent (not archived) still calls from stays: 409 naming the agents. */
  async remove(ctx: RequestContext, tenantId: string, numberId: string): Promise<void> {
    this.policy.requireOn(ctx, 'voice-config.read', { tenantId }, 'tenant');
    this.policy.require(ctx, 'voice-config.manage');
    const number = await this.load(tenantId, numberId);
    const users = await this.records.agentsUsing(tenantId, { defaultNumberId: number._id }, false);
    if (users.length > 0) throw numberInUse(users);
    await this.records.numbers.deleteOne({ tenantId: number.tenantId, _id: number._id });
  }

  private async load(tenantId: string, numberId: string): Promise<PhoneNumber> {
    const number = await this.records.number(tenantId, numberId);
    if (!number) throw notFound('phone number');
    return number;
  }

  private async requireAgent(tenantId: string, agentId: string): Promise<void> {
    const agent = await this.records.agent(tenantId, agentId);
    if (!agent) throw unknownReference('defaultAgentId', 'voice agent');
  }
}
