import type { PhoneNumberDto, ResolvedPhoneNumberDto } from './dto/phone-number.dto.js';
import type { VoiceAgentDto } from './dto/voice-agent.dto.js';
import type { VoiceProfileDto } from './dto/voice.dto.js';
import type { PhoneNumber } from './schemas/phone-number.schema.js';
import type { VoiceAgent } from './schemas/voice-agent.schema.js';
import type { Voice } from './schemas/voice.schema.js';
import type { CatalogueVoice } from './voice-catalogue.js';

export const toCatalogueVoiceDto = (voice: CatalogueVoice): VoiceProfileDto => ({ ...voice, source: 'catalogue' });

export const toTenantVoiceDto = (voice: Voice): VoiceProfileDto => ({
  id: voice._id.toString(),
  source: 'tenant',
  tenantId: voice.tenantId.toString(),
  provider: voice.provider,
  providerVoiceId: voice.providerVoiceId,
  name: voice.name,
  language: voice.language,
  accent: voice.accent,
  gender: voice.gender,
  previewUrl: voice.previewUrl,
  createdAt: voice.createdAt.toISOString(),
  updatedAt: voice.updatedAt.toISOString(),
});

export const toPhoneNumberDto = (number: PhoneNumber): PhoneNumberDto => ({
  id: number._id.toString(),
  tenantId: number.tenantId.toString(),
  e164: number.e164,
  provider: number.provider,
  providerNumberId: number.providerNumberId,
  label: number.label,
  capabilities: { voice: number.capabilities?.voice ?? true, sms: number.capabilities?.sms ?? false },
  status: number.status,
  defaultAgentId: number.defaultAgentId?.toString(),
  createdAt: number.createdAt.toISOString(),
  updatedAt: number.updatedAt.toISOString(),
});

export const toResolvedDto = (number: PhoneNumber): ResolvedPhoneNumberDto => ({
  tenantId: number.tenantId.toString(),
  phoneNumberId: number._id.toString(),
  e164: number.e164,
  status: number.status,
  agentId: number.defaultAgentId?.toString(),
});

export const toVoiceAgentDto = (agent: VoiceAgent): VoiceAgentDto => ({
  id: agent._id.toString(),
  tenantId: agent.tenantId.toString(),
  name: agent.name,
  status: agent.status,
  voiceId: agent.voiceId,
  defaultNumberId: agent.defaultNumberId?.toString(),
  createdBy: agent.createdBy.toString(),
  agentInstructions: agent.agentInstructions,
  systemInstructions: agent.systemInstructions,
  outboundPrompt: agent.outboundPrompt,
  inboundPrompt: agent.inboundPrompt,
  firstMessage: agent.firstMessage,
  createdAt: agent.createdAt.toISOString(),
  updatedAt: agent.updatedAt.toISOString(),
});
