import { Injectable } from '@nestjs/common';
import type { UpdateQuery } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { ValidationProblem } from '../../core/http/problem.js';
import type { PersonalizationSettingsDto } from './dto/personalization-input.dto.js';
import type { PersonalizationDto } from './dto/personalization.dto.js';
import { PersonalizationConfig } from './personalization.config.js';
import { toPersonalizationDto } from './personalization.mapper.js';
import { PersonalizationStore } from './personalization-store.js';
import type { AgentPersonalization } from './schemas/agent-personalization.schema.js';

const actorId = (ctx: RequestContext): string => ctx.actor!.id;

/** Only the fields given, so what was left out stays unset (the default) rather than stored as undefined. */
const given = <T extends object>(value: T | undefined): Partial<T> =>
  Object.fromEntries(Object.entries(value ?? {}).filter(([, field]) => field !== undefined)) as Partial<T>;

/** A user's display, behaviour and instructions for one agent: defaults until changed, one document per agent. */
@Injectable()
export class PersonalizationService {
  constructor(
    private readonly store: PersonalizationStore,
    private readonly policy: PermissionPolicy,
    private readonly config: PersonalizationConfig,
  ) {}

  async get(ctx: RequestContext, agentId: string): Promise<PersonalizationDto> {
    this.policy.require(ctx, 'personalization.own');
    return toPersonalizationDto(agentId, await this.store.find(actorId(ctx), agentId));
  }

  /** Staff (or the user) reading a user's settings for an agent. */
  async getForUser(ctx: RequestContext, userId: string, agentId: string): Promise<PersonalizationDto> {
    this.policy.requireOn(ctx, 'personalization.read', { ownerId: userId }, 'user');
    return toPersonalizationDto(agentId, await this.store.find(userId, agentId));
  }

  /** Replaces the settings: what the body leaves out goes back to its default. Saved prompts stay. */
  async replace(ctx: RequestContext, agentId: string, input: PersonalizationSettingsDto): Promise<PersonalizationDto> {
    this.policy.require(ctx, 'personalization.own');
    this.checkInstructions(input.customInstructions);
    const update: UpdateQuery<AgentPersonalization> = {
      $set: { display: given(input.display), behavior: given(input.behavior) },
      ...(input.customInstructions ? {} : { $unset: { customInstructions: 1 } }),
    };
    if (input.customInstructions) update.$set!.customInstructions = input.customInstructions;
    return toPersonalizationDto(agentId, await this.store.upsert(actorId(ctx), agentId, update));
  }

  /** Changes only the fields given; an empty customInstructions clears them. */
  async merge(ctx: RequestContext, agentId: string, input: PersonalizationSettingsDto): Promise<PersonalizationDto> {
    this.policy.require(ctx, 'personalization.own');
    this.checkInstructions(input.customInstructions);
    const set: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(given(input.display))) set[`display.${field}`] = value;
    for (const [field, value] of Object.entries(given(input.behavior))) set[`behavior.${field}`] = value;
    const update: UpdateQuery<AgentPersonalization> = { $set: set };
    if (input.customInstructions) set.customInstructions = input.customInstructions;
    else if (input.customInstructions === '') update.$unset = { customInstructions: 1 };
    return toPersonalizationDto(agentId, await this.store.upsert(actorId(ctx), agentId, update));
  }

  /** Back to the defaults; the saved prompts are the user's content and stay. */
  async reset(ctx: RequestContext, agentId: string): Promise<void> {
    this.policy.require(ctx, 'personalization.own');
    await this.store.update(actorId(ctx), agentId, {}, { $unset: { display: 1, behavior: 1, customInstructions: 1 } });
  }

  async eraseUser(ctx: RequestContext, userId: string): Promise<void> {
    this.policy.require(ctx, 'personalization.erase');
    await this.store.eraseUser(userId);
  }

  private checkInstructions(instructions: string | undefined): void {
    const max = this.config.PERSONALIZATION_MAX_INSTRUCTIONS_CHARS;
    if (instructions && instructions.length > max)
      throw new ValidationProblem([{ field: 'customInstructions', message: `customInstructions must be at most ${max} characters` }]);
  }
}
