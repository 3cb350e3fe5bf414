import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsMongoId, IsOptional, IsString, Matches } from 'class-validator';
import { MaxLength, MinLength } from '../../../core/http/text-length.validators.js';
import { PageQueryDto } from '../../../core/http/pagination.js';
import { AGENT_STATUSES, type AgentStatus } from '../voice-agent.lifecycle.js';
import { MAX_FIRST_MESSAGE, MAX_INSTRUCTIONS, VOICE_REF_PATTERN } from '../voice-agents.constants.js';
import { NotBlank } from '../../../core/http/not-blank.validator.js';

const VOICE_REF_SOURCE = VOICE_REF_PATTERN.source;

class AgentPromptsInput {
  @ApiPropertyOptional({ maxLength: MAX_INSTRUCTIONS, description: 'What the agent is for and how it behaves' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_INSTRUCTIONS)
  agentInstructions?: string;
  @ApiPropertyOptional({ maxLength: MAX_INSTRUCTIONS, description: 'The model’s system prompt' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_INSTRUCTIONS)
  systemInstructions?: string;
  @ApiPropertyOptional({ maxLength: MAX_INSTRUCTIONS, description: 'Script for calls the agent places' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_INSTRUCTIONS)
  outboundPrompt?: string;
  @ApiPropertyOptional({ maxLength: MAX_INSTRUCTIONS, description: 'Script for calls the agent answers' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_INSTRUCTIONS)
  inboundPrompt?: string;
  @ApiPropertyOptional({ maxLength: MAX_FIRST_MESSAGE, description: 'What the agent says first' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_FIRST_MESSAGE)
  firstMessage?: string;
}

export class CreateVoiceAgentDto extends AgentPromptsInput {
  @ApiProperty({ minLength: 1, maxLength: 100, pattern: '\\S', example: 'Renewals caller' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @NotBlank()
  name: string;
  @ApiPropertyOptional({
    pattern: VOICE_REF_SOURCE,
    maxLength: 64,
    description: 'A catalogue voice (`cat-…`) or one of the tenant’s voices',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(VOICE_REF_PATTERN, { message: 'voiceId must be a catalogue voice id (cat-…) or a tenant voice id' })
  voiceId?: string;
  @ApiPropertyOptional({ description: 'One of the tenant’s phone numbers' }) @IsOptional() @IsMongoId() defaultNumberId?: string;
}

/** Everything but the status (that moves through the transition routes); voice and number change but never clear. */
export class UpdateVoiceAgentDto extends AgentPromptsInput {
  @ApiPropertyOptional({ minLength: 1, maxLength: 100, pattern: '\\S' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @NotBlank()
  name?: string;
  @ApiPropertyOptional({ pattern: VOICE_REF_SOURCE, maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(VOICE_REF_PATTERN, { message: 'voiceId must be a catalogue voice id (cat-…) or a tenant voice id' })
  voiceId?: string;
  @ApiPropertyOptional() @IsOptional() @IsMongoId() defaultNumberId?: string;
}

export class VoiceAgentQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: AGENT_STATUSES }) @IsOptional() @IsIn(AGENT_STATUSES) status?: AgentStatus;
}

export class VoiceAgentDto {
  @ApiProperty() id: string;
  @ApiProperty() tenantId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: AGENT_STATUSES }) status: AgentStatus;
  @ApiPropertyOptional() voiceId?: string;
  @ApiPropertyOptional() defaultNumberId?: string;
  @ApiProperty() createdBy: string;
  @ApiPropertyOptional() agentInstructions?: string;
  @ApiPropertyOptional() systemInstructions?: string;
  @ApiPropertyOptional() outboundPrompt?: string;
  @ApiPropertyOptional() inboundPrompt?: string;
  @ApiPropertyOptional() firstMessage?: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
