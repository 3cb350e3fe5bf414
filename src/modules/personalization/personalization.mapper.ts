import { iso } from '../../core/http/serialize.js';
import type { PersonalizationDto, SavedPromptDto } from './dto/personalization.dto.js';
import { DEFAULT_BEHAVIOR, DEFAULT_DISPLAY } from './personalization-fields.js';
import type { AgentPersonalization, SavedPrompt } from './schemas/agent-personalization.schema.js';

/** Keeps the fields a stored subdocument actually holds, so an absent one falls back to its default. */
const chosen = <T extends object>(stored: T | undefined): Partial<T> =>
  Object.fromEntries(Object.entries(stored ?? {}).filter(([, value]) => value !== undefined && value !== null)) as Partial<T>;

export const toSavedPromptDto = (prompt: SavedPrompt, order: number): SavedPromptDto => ({
  id: prompt._id.toString(),
  title: prompt.title,
  prompt: prompt.prompt,
  tags: prompt.tags ?? [],
  order,
  createdAt: iso(prompt.createdAt)!,
  updatedAt: iso(prompt.updatedAt)!,
});

export const toSavedPromptDtos = (stored: AgentPersonalization | null | undefined): SavedPromptDto[] =>
  (stored?.savedPrompts ?? []).map(toSavedPromptDto);

export const toPersonalizationDto = (agentId: string, stored: AgentPersonalization | null | undefined): PersonalizationDto => ({
  agentId,
  customized:
    Object.keys(chosen(stored?.display)).length > 0 ||
    Object.keys(chosen(stored?.behavior)).length > 0 ||
    Boolean(stored?.customInstructions) ||
    (stored?.savedPrompts?.length ?? 0) > 0,
  display: { ...DEFAULT_DISPLAY, ...chosen(stored?.display) },
  behavior: { ...DEFAULT_BEHAVIOR, ...chosen(stored?.behavior) },
  customInstructions: stored?.customInstructions ?? '',
  savedPrompts: toSavedPromptDtos(stored),
  updatedAt: iso(stored?.updatedAt),
});
