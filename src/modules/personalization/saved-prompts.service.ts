import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { trusted, Types, type QueryFilter } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { itemsBefore, toPage, type Page, type PageQueryDto } from '../../core/http/pagination.js';
import { ProblemException } from '../../core/http/problem.js';
import type { ReorderPromptsDto, SavedPromptInputDto, UpdateSavedPromptDto } from './dto/saved-prompt-input.dto.js';
import type { SavedPromptDto, SavedPromptListDto } from './dto/personalization.dto.js';
import { PersonalizationConfig } from './personalization.config.js';
import { toSavedPromptDto, toSavedPromptDtos } from './personalization.mapper.js';
import { PersonalizationStore } from './personalization-store.js';
import type { AgentPersonalization } from './schemas/agent-personalization.schema.js';

const actorId = (ctx: RequestContext): string => ctx.actor!.id;

const noSuchPrompt = () => new NotFoundException('No such saved prompt.');

/** The prompts a user keeps per agent: at most PERSONALIZATION_MAX_SAVED_PROMPTS, in the user's order. */
@Injectable()
export class SavedPromptsService {
  constructor(
    private readonly store: PersonalizationStore,
    private readonly policy: PermissionPolicy,
    private readonly config: PersonalizationConfig,
  ) {}

  async list(ctx: RequestContext, agentId: string, query: PageQueryDto): Promise<Page<SavedPromptDto>> {
    this.policy.require(ctx, 'personalization.own');
    const prompts = toSavedPromptDtos(await this.store.find(actorId(ctx), agentId));
    const start = itemsBefore(query);
    return toPage(prompts.slice(start, start + query.limit), prompts.length, query);
  }

  /** Appends a prompt; the cap is part of the update's filter, so concurrent adds never exceed it. */
  async add(ctx: RequestContext, agentId: string, input: SavedPromptInputDto): Promise<SavedPromptDto> {
    this.policy.require(ctx, 'personalization.own');
    const max = this.config.PERSONALIZATION_MAX_SAVED_PROMPTS;
    const now = new Date();
    const id = new Types.ObjectId();
    const saved = await this.store.upsert(
      actorId(ctx),
      agentId,
      {
        $push: {
          savedPrompts: { _id: id, title: input.title, prompt: input.prompt, tags: input.tags ?? [], createdAt: now, updatedAt: now },
        },
      },
      { [`savedPrompts.${max - 1}`]: trusted({ $exists: false }) },
    );
    if (!saved)
      throw new ProblemException(
        HttpStatus.CONFLICT,
        'saved-prompts-limit',
        'Too many saved prompts',
        `An agent keeps at most ${max} saved prompts per user; delete one first.`,
        { limit: max },
      );
    return this.promptOf(saved, id);
  }

  async update(ctx: RequestContext, agentId: string, promptId: string, input: UpdateSavedPromptDto): Promise<SavedPromptDto> {
    this.policy.require(ctx, 'personalization.own');
    const set: Record<string, unknown> = { 'savedPrompts.$.updatedAt': new Date() };
    for (const field of ['title', 'prompt', 'tags'] as const) if (input[field] !== undefined) set[`savedPrompts.$.${field}`] = input[field];
    const id = new Types.ObjectId(promptId);
    const updated = await this.store.update(actorId(ctx), agentId, { 'savedPrompts._id': id }, { $set: set });
    if (!updated) throw noSuchPrompt();
    return this.promptOf(updated, id);
  }

  async remove(ctx: RequestContext, agentId: string, promptId: string): Promise<void> {
    this.policy.require(ctx, 'personalization.own');
    const id = new Types.ObjectId(promptId);
    const removed = await this.store.update(actorId(ctx), agentId, { 'savedPrompts._id': id }, { $pull: { savedPrompts: { _id: id } } });
    if (!removed) throw noSuchPrompt();
  }

  /**
   * Puts the prompts in the given order. The list must name every saved prompt once (else 409: the caller's
   * view is not what is stored), and it applies only to the revision it was checked against.
   */
  async reorder(ctx: RequestContext, agentId: string, input: ReorderPromptsDto): Promise<SavedPromptListDto> {
    this.policy.require(ctx, 'personalization.own');
    const stored = await this.store.find(actorId(ctx), agentId);
    const byId = new Map((stored?.savedPrompts ?? []).map((prompt) => [prompt._id.toString(), prompt]));
    const order = input.order.map((id) => id.toLowerCase());
    if (order.length !== byId.size || !order.every((id) => byId.has(id)))
      throw new ProblemException(
        HttpStatus.CONFLICT,
        'not-a-permutation',
        'Not the saved prompts',
        `The order must list each of the ${byId.size} saved prompts exactly once.`,
      );
    if (!stored) return { items: [] };
    const reordered = await this.store.update(actorId(ctx), agentId, { revision: stored.revision } as QueryFilter<AgentPersonalization>, {
      $set: { savedPrompts: order.map((id) => byId.get(id)!) },
    });
    if (!reordered)
      throw new ProblemException(
        HttpStatus.CONFLICT,
        'prompts-changed',
        'Saved prompts changed',
        'The saved prompts changed while they were being reordered; read them again.',
      );
    return { items: toSavedPromptDtos(reordered) };
  }

  private promptOf(document: AgentPersonalization, id: Types.ObjectId): SavedPromptDto {
    const index = document.savedPrompts.findIndex((prompt) => prompt._id.equals(id));
    if (index < 0) throw noSuchPrompt();
    return toSavedPromptDto(document.savedPrompts[index], index);
  }
}
