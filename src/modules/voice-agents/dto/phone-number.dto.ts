import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsMongoId, IsOptional, IsString, Matches, ValidateIf, ValidateNested } from 'class-validator';
import { MaxLength, MinLength } from '../../../core/http/text-length.validators.js';
import { PageQueryDto } from '../../../core/http/pagination.js';
import { LEAD_STATUSES, type LeadStatus } from '../../leads/index.js';
import { PHONE_NUMBER_STATUSES, type PhoneNumberStatus } from '../phone-number.lifecycle.js';
import { NUMBER_PROVIDERS, type NumberProvider } from '../voice-agents.constants.js';

export class PhoneCapabilitiesDto {
  @ApiProperty() @IsBoolean() voice: boolean;
  @ApiProperty() @IsBoolean() sms: boolean;
}

export class CreatePhoneNumberDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 32,
    description: 'Any spelling with its country code; stored as E.164',
    example: '+1 415 555 2671',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(32)
  number: string;
  @ApiProperty({ enum: NUMBER_PROVIDERS }) @IsIn(NUMBER_PROVIDERS) provider: NumberProvider;
  @ApiPropertyOptional({ maxLength: 128, description: 'The number’s id at the carrier or at Vapi' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  providerNumberId?: string;
  @ApiPropertyOptional({ maxLength: 100 }) @IsOptional() @IsString() @MaxLength(100) label?: string;
  @ApiPropertyOptional({ type: PhoneCapabilitiesDto, description: 'Defaults to voice only' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PhoneCapabilitiesDto)
  capabilities?: PhoneCapabilitiesDto;
  @ApiPropertyOptional({ description: 'One of the tenant’s agents, answering inbound calls' })
  @IsOptional()
  @IsMongoId()
  defaultAgentId?: string;
}

export class UpdatePhoneNumberDto {
  @ApiPropertyOptional({ maxLength: 128 }) @IsOptional() @IsString() @MaxLength(128) providerNumberId?: string;
  @ApiPropertyOptional({ maxLength: 100 }) @IsOptional() @IsString() @MaxLength(100) label?: string;
  @ApiPropertyOptional({ type: PhoneCapabilitiesDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PhoneCapabilitiesDto)
  capabilities?: PhoneCapabilitiesDto;
  @ApiPropertyOptional({ enum: PHONE_NUMBER_STATUSES, description: 'active ⇄ suspended → released (final)' })
  @IsOptional()
  @IsIn(PHONE_NUMBER_STATUSES)
  status?: PhoneNumberStatus;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'One of the tenant’s agents; null clears it' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsMongoId()
  defaultAgentId?: string | null;
}

export class PhoneNumberQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PHONE_NUMBER_STATUSES }) @IsOptional() @IsIn(PHONE_NUMBER_STATUSES) status?: PhoneNumberStatus;
}

export class PhoneNumberDto {
  @ApiProperty() id: string;
  @ApiProperty() tenantId: string;
  @ApiProperty({ example: '+14155552671' }) e164: string;
  @ApiProperty({ enum: NUMBER_PROVIDERS }) provider: NumberProvider;
  @ApiPropertyOptional() providerNumberId?: string;
  @ApiPropertyOptional() label?: string;
  @ApiProperty({ type: PhoneCapabilitiesDto }) capabilities: PhoneCapabilitiesDto;
  @ApiProperty({ enum: PHONE_NUMBER_STATUSES }) status: PhoneNumberStatus;
  @ApiPropertyOptional() defaultAgentId?: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

/** The tenant's lead calling from the number given as `from`. */
export class ResolvedCallerDto {
  @ApiProperty() leadId: string;
  @ApiProperty() name: string;
  @ApiProperty() phone: string;
  @ApiProperty({ enum: LEAD_STATUSES }) status: LeadStatus;
  @ApiProperty({ example: 'America/New_York' }) timezone: string;
}

/** Which of the tenant's numbers a spelling is, and who answers it; with `from`, who is calling. */
export class ResolvedPhoneNumberDto {
  @ApiProperty() tenantId: string;
  @ApiProperty() phoneNumberId: string;
  @ApiProperty() e164: string;
  @ApiProperty({ enum: PHONE_NUMBER_STATUSES }) status: PhoneNumberStatus;
  @ApiPropertyOptional() agentId?: string;
  @ApiPropertyOptional({ type: ResolvedCallerDto, description: 'With `from`: the lead with that number, when the tenant has one' })
  caller?: ResolvedCallerDto;
}

/** `GET phone-numbers/resolve/:number?from=`: the caller's number of an inbound call, in any spelling. */
export class ResolvePhoneNumberQueryDto {
  @ApiPropertyOptional({ pattern: '^[+0-9 ().-]{3,32}$', example: '+12065550101' })
  @IsOptional()
  @IsString()
  @Matches(/^[+0-9 ().-]{3,32}$/)
  from?: string;
}

/** `:number` in the resolve route: any spelling, bounded before libphonenumber reads it. */
export const PHONE_PARAM_PATTERN = /^[+0-9 ().-]{3,32}$/;
export const phoneParamMatches = Matches(PHONE_PARAM_PATTERN);
