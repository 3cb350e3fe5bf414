import type { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { PersonalizationSettingsDto } from '../../../src/modules/personalization/dto/personalization-input.dto.js';
import type { SavedPromptInputDto } from '../../../src/modules/personalization/dto/saved-prompt-input.dto.js';
import type { PersonalizationDto, SavedPromptDto } from '../../../src/modules/personalization/dto/personalization.dto.js';
import { PersonalizationService } from '../../../src/modules/personalization/personalization.service.js';
import { SavedPromptsService } from '../../../src/modules/personalization/saved-prompts.service.js';
import { AgentPersonalization } from '../../../src/modules/personalization/schemas/agent-personalization.schema.js';
import { contextOf } from './identity.js';

export const personalizationModel = (app: INestApplicationContext) =>
  app.get<Model<AgentPersonalization>>(getModelToken(AgentPersonalization.name));

let sequence = 0;

export const savedPromptInput = (overrides: Partial<SavedPromptInputDto> = {}): SavedPromptInputDto => ({
  title: `Saved prompt ${++sequence}`,
  prompt: 'Summarize the text below in three bullet points.',
  tags: ['summary'],
  ...overrides,
});

/** `user`'s settings for `agentId`, merged through the service as PATCH would. */
export function personalize(
  app: INestApplicationContext,
  user: { id: string },
  agentId: string,
  settings: PersonalizationSettingsDto = { display: { theme: 'dark' }, behavior: { tone: 'friendly' } },
): Promise<PersonalizationDto> {
  return app.get(PersonalizationService).merge(contextOf(user), agentId, settings);
}

/** A prompt `user` saved for `agentId`, through the service. */
export function savePrompt(
  app: INestApplicationContext,
  user: { id: string },
  agentId: string,
  overrides: Partial<SavedPromptInputDto> = {},
): Promise<SavedPromptDto> {
  return app.get(SavedPromptsService).add(contextOf(user), agentId, savedPromptInput(overrides));
}
