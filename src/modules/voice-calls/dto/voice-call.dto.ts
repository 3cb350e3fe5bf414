import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CALL_DIRECTIONS, SPEAKERS, type CallDirection, type Speaker } from '../schemas/voice-call.schema.js';
import { CALL_STATUSES, type CallStatus } from '../voice-calls.events.js';

export class VoiceCostBreakdownDto {
  @ApiProperty({ description: 'Telephony, in minor units' }) transport: number;
  @ApiProperty({ description: 'Speech-to-text' }) stt: number;
  @ApiProperty({ description: 'Language model' }) llm: number;
  @ApiProperty({ description: 'Text-to-speech' }) tts: number;
  @ApiProperty({ description: 'Platform fee' }) platform: number;
}

export class VoiceTranscriptSegmentDto {
  @ApiProperty({ enum: SPEAKERS }) speaker: Speaker;
  @ApiProperty() text: string;
  @ApiProperty() startSeconds: number;
  @ApiProperty() endSeconds: number;
}

export class VoiceCallUsageDto {
  @ApiProperty({ example: '2026-01' }) month: string;
  @ApiProperty() seconds: number;
  @ApiProperty({ description: 'Billed minutes (seconds rounded up)' }) minutes: number;
  @ApiProperty() costMinor: number;
  @ApiProperty({ type: VoiceCostBreakdownDto }) breakdown: VoiceCostBreakdownDto;
}

export class VoiceCallDto {
  @ApiProperty() id: string;
  @ApiProperty() tenantId: string;
  @ApiProperty() agentId: string;
  @ApiPropertyOptional() leadId?: string;
  @ApiPropertyOptional() voiceId?: string;
  @ApiPropertyOptional() fromNumber?: string;
  @ApiPropertyOptional() toNumber?: string;
  @ApiProperty({ enum: CALL_DIRECTIONS }) direction: CallDirection;
  @ApiProperty({ enum: CALL_STATUSES }) status: CallStatus;
  @ApiPropertyOptional() vapiCallId?: string;
  @ApiPropertyOptional() batchId?: string;
  @ApiProperty() attempt: number;
  @ApiProperty() durationSeconds: number;
  @ApiProperty({ description: 'Minor units of costCurrency' }) costMinor: number;
  @ApiProperty({ example: 'USD' }) costCurrency: string;
  @ApiPropertyOptional({ type: VoiceCostBreakdownDto }) costBreakdown?: VoiceCostBreakdownDto;
  @ApiPropertyOptional() endedReason?: string;
  @ApiPropertyOptional() summary?: string;
  @ApiPropertyOptional() recordingUrl?: string;
  @ApiPropertyOptional({ format: 'date-time' }) startedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) endedAt?: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

/** One call with its conversation and what it used. */
export class VoiceCallDetailDto extends VoiceCallDto {
  @ApiProperty({ type: [VoiceTranscriptSegmentDto] }) transcription: VoiceTranscriptSegmentDto[];
  @ApiPropertyOptional({ type: VoiceCallUsageDto, nullable: true }) aiUsage: VoiceCallUsageDto | null;
}

export class PlacedVoiceCallDto {
  @ApiProperty() callId: string;
  @ApiProperty({ enum: CALL_STATUSES }) status: CallStatus;
}

export class VoiceUsageMonthDto {
  @ApiProperty({ example: '2026-01' }) month: string;
  @ApiProperty() calls: number;
  @ApiProperty({ description: 'Billed minutes' }) minutes: number;
  @ApiProperty() seconds: number;
  @ApiProperty({ description: 'Minor units of currency' }) costMinor: number;
  @ApiProperty({ type: VoiceCostBreakdownDto }) breakdown: VoiceCostBreakdownDto;
}

export class VoiceUsageDto {
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiProperty({ type: [VoiceUsageMonthDto] }) months: VoiceUsageMonthDto[];
  @ApiProperty({ example: '2026-01' }) currentMonth: string;
  @ApiProperty({ description: 'The plan’s voice minutes per month' }) limit: number;
  @ApiProperty({ description: 'Minutes used this month' }) used: number;
  @ApiProperty({ description: 'Minutes left this month' }) remaining: number;
}

export class VapiAckDto {
  @ApiProperty() received: true;
  @ApiProperty({ description: 'The same message was delivered before; nothing happened twice' }) duplicate: boolean;
  @ApiProperty({ enum: ['received', 'processed', 'ignored', 'failed'] }) outcome: string;
}
