import { trusted } from 'mongoose';
import { Injectable } from '@nestjs/common';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { isDuplicateKeyOn } from '../../core/database/duplicate-key.js';
import { compact } from '../../core/database/find-page.js';
import { TenantCaps } from '../../core/database/tenant-caps.js';
import { toPage, type Page } from '../../core/http/pagination.js';
import type { CreateTenantVoiceDto, UpdateTenantVoiceDto, VoiceProfileDto, VoiceQueryDto } from './dto/voice.dto.js';
import { limitReached, notFound, voiceInUse, voiceTaken } from './voice-agents-problems.js';
import { VoiceAgentsConfig } from './voice-agents.config.js';
import { toCatalogueVoiceDto, toTenantVoiceDto } from './voice-agents.mapper.js';
import { oid, VoiceAgentsRecords } from './voice-agents.records.js';
import { speaksLanguage, VOICE_CATALOGUE } from './voice-catalogue.js';

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The shared catalogue and the voices a tenant brings itself. */
@Injectable()
export class VoicesService {
  constructor(
    private readonly policy: PermissionPolicy,
    private readonly records: VoiceAgentsRecords,
    private readonly caps: TenantCaps,
    private readonly config: VoiceAgentsConfig,
  ) {}

  catalogue(ctx: RequestContext, query: VoiceQueryDto): Page<VoiceProfileDto> {
    this.policy.require(ctx, 'voice-catalogue.read');
    const matching = VOICE_CATALOGUE.filter(
      (voice) =>
        (query.provider === undefined || voice.provider === query.provider) &&
        (query.gender === undefined || voice.gender === query.gender) &&
        (query.language === undefined || speaksLanguage(voice.language, query.language)),
    );
    return toPage(
      matching.slice((query.page - 1) * query.limit, query.page * query.limit).map(toCatalogueVoiceDto),
      matching.length,
      query,
    );
  }

  list(ctx: RequestContext, tenantId: string, query: VoiceQueryDto): Promise<Page<VoiceProfileDto>> {
    this.policy.requireOn(ctx, 'voice-config.read', { tenantId }, 'tenant');
    const filter = compact({
      tenantId: oid(tenantId),
      provider: query.provider,
      gender: query.gender,
      // `en` matches `en` and `en-…`, as in the catalogue; the pattern is anchored and its input validated.
      language: query.language === undefined ? undefined : trusted({ $regex: `^${escapeRegex(query.language)}(-|$)`, $options: 'i' }),
    });
    return this.records.voices.findPage(filter, query, toTenantVoiceDto, { name: 1 });
  }

  async get(ctx: RequestContext, tenantId: string, voiceId: string): Promise<VoiceProfileDto> {
    this.policy.requireOn(ctx, 'voice-config.read', { tenantId }, 'tenant');
    const voice = await this.records.voices.findOne({ tenantId: oid(tenantId), _id: oid(voiceId) });
    if (!voice) throw notFound('voice');
    return toTenantVoiceDto(voice);
  }

  async create(ctx: RequestContext, tenantId: string, input: CreateTenantVoiceDto): Promise<VoiceProfileDto> {
    this.policy.requireOn(ctx, 'voice-config.read', { tenantId }, 'tenant');
    this.policy.require(ctx, 'voice-config.manage');
    const max = this.config.VOICE_TENANT_VOICES_MAX;
    try {
      const voice = await this.caps.create(
        this.records.voices,
        {
          tenantId: oid(tenantId),
          provider: input.provider,
          providerVoiceId: input.providerVoiceId.trim(),
          name: input.name.trim(),
          language: input.language,
          accent: input.accent?.trim() || undefined,
          gender: input.gender,
          previewUrl: input.previewUrl,
          createdBy: ctx.actor ? oid(ctx.actor.id) : undefined,
        },
        max,
        () => limitReached('voices', max),
      );
      return toTenantVoiceDto(voice);
    } catch (error) {
      if (isDuplicateKeyOn(error, ['tenantId', 'provider', 'providerVoiceId'])) throw voiceTaken();
      throw error;
    }
  }

  async update(ctx: RequestContext, tenantId: string, voiceId: string, input: UpdateTenantVoiceDto): Promise<VoiceProfileDto> {
    this.policy.requireOn(ctx, 'voice-config.read', { tenantId }, 'tenant');
    this.policy.require(ctx, 'voice-config.manage');
    const set = compact({
      name: input.name?.trim(),
      language: input.language,
      accent: input.accent?.trim(),
      gender: input.gender,
      previewUrl: input.previewUrl,
    });
    const voice = await this.records.voices.findOneAndUpdate({ tenantId: oid(tenantId), _id: oid(voiceId) }, { $set: set });
    if (!voice) throw notFound('voice');
    return toTenantVoiceDto(voice);
  }

  /** A voice some agent still speaks with stays (409 naming them); archived agents keep only its id. */
  async remove(ctx: RequestContext, tenantId: string, voiceId: string): Promise<void> {
    this.policy.requireOn(ctx, 'voice-config.read', { tenantId }, 'tenant');
    this.policy.require(ctx, 'voice-config.manage');
    if (!(await this.records.voices.exists({ tenantId: oid(tenantId), _id: oid(voiceId) }))) throw notFound('voice');
    const users = await this.records.agentsUsing(tenantId, { voiceId }, false);
    if (users.length > 0) throw voiceInUse(users);
    await this.records.voices.deleteOne({ tenantId: oid(tenantId), _id: oid(voiceId) });
  }
}
