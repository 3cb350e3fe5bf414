import { iso } from '../../core/http/serialize.js';
import type { VoiceCallDetailDto, VoiceCallDto } from './dto/voice-call.dto.js';
import type { AiUsage } from './schemas/ai-usage.schema.js';
import type { VoiceCall } from './schemas/voice-call.schema.js';

export function toVoiceCallDto(call: VoiceCall): VoiceCallDto {
  return {
    id: call._id.toString(),
    tenantId: call.tenantId.toString(),
    agentId: call.agentId.toString(),
    ...(call.leadId ? { leadId: call.leadId.toString() } : {}),
    ...(call.voiceId ? { voiceId: call.voiceId.toString() } : {}),
    ...(call.fromNumber ? { fromNumber: call.fromNumber } : {}),
    ...(call.toNumber ? { toNumber: call.toNumber } : {}),
    direction: call.direction,
    status: call.status,
    ...(call.vapiCallId ? { vapiCallId: call.vapiCallId } : {}),
    ...(call.batchId ? { batchId: call.batchId.toString() } : {}),
    attempt: call.attempt ?? 1,
    durationSeconds: call.durationSeconds ?? 0,
    costMinor: call.costMinor ?? 0,
    costCurrency: call.costCurrency ?? 'USD',
    ...(call.costBreakdown ? { costBreakdown: call.costBreakdown } : {}),
    ...(call.endedReason ? { endedReason: call.endedReason } : {}),
    ...(call.summary ? { summary: call.summary } : {}),
    ...(call.recordingUrl ? { recordingUrl: call.recordingUrl } : {}),
    ...(call.startedAt ? { startedAt: iso(call.startedAt) } : {}),
    ...(call.endedAt ? { endedAt: iso(call.endedAt) } : {}),
    createdAt: iso(call.createdAt)!,
    updatedAt: iso(call.updatedAt)!,
  };
}

export function toVoiceCallDetailDto(call: VoiceCall, usage: AiUsage | null): VoiceCallDetailDto {
  return {
    ...toVoiceCallDto(call),
    transcription: (call.transcription ?? []).map(({ speaker, text, startSeconds, endSeconds }) => ({
      speaker,
      text,
      startSeconds,
      endSeconds,
    })),
    aiUsage: usage
      ? { month: usage.month, seconds: usage.seconds, minutes: usage.minutes, costMinor: usage.costMinor, breakdown: usage.breakdown }
      : null,
  };
}
