import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsMongoId,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { MaxLength, MinLength } from '../../../core/http/text-length.validators.js';
import { PageQueryDto } from '../../../core/http/pagination.js';
import { LEAD_STATUSES, type LeadStatus } from '../../leads/index.js';
import {
  ITEM_OUTCOMES,
  ITEM_STATES,
  CALL_BATCH_STATUSES,
  type CallBatchItemOutcome,
  type CallBatchItemState,
  type CallBatchStatus,
} from '../call-batch.lifecycle.js';
import { WEEKDAYS, type Weekday } from '../calling-hours.js';
import { NotBlank } from '../../../core/http/not-blank.validator.js';

/** Lead ids one request may list: the input bound on any array (a larger batch is made from a filter). */
export const MAX_LEAD_IDS = 1000;
/** Leads one batch made from a filter holds at most. */
export const MAX_BATCH_LEADS = 10_000;

const HH_MM_PATTERN = '^([01][0-9]|2[0-3]):[0-5][0-9]$';

export class CallingHoursInputDto {
  @ApiProperty({ pattern: HH_MM_PATTERN, example: '09:00', description: 'Opening, in each lead’s local time' })
  @IsString()
  @Matches(new RegExp(HH_MM_PATTERN))
  start: string;

  @ApiProperty({ pattern: HH_MM_PATTERN, example: '18:00', description: 'Closing (exclusive), after start, in each lead’s local time' })
  @IsString()
  @Matches(new RegExp(HH_MM_PATTERN))
  end: string;

  @ApiPropertyOptional({ enum: WEEKDAYS, isArray: true, maxItems: 7, description: 'Days calls are placed on (every day when absent)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(7)
  @IsIn(WEEKDAYS, { each: true })
  days?: Weekday[];
}

export class CallBatchRetryInputDto {
  @ApiProperty({ minimum: 1, maximum: 5, description: 'Calls per lead at most, counting the first' })
  @IsInt()
  @Min(1)
  @Max(5)
  maxAttempts: number;

  @ApiProperty({ minimum: 0, maximum: 10_080, description: 'Minutes before a no-answer or busy lead is called again' })
  @IsInt()
  @Min(0)
  @Max(10_080)
  delayMinutes: number;
}

export class CallBatchLeadFilterDto {
  @ApiPropertyOptional({ enum: LEAD_STATUSES, isArray: true, maxItems: LEAD_STATUSES.length })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LEAD_STATUSES.length)
  @IsIn(LEAD_STATUSES, { each: true })
  statuses?: LeadStatus[];

  @ApiPropertyOptional({ type: String, isArray: true, maxItems: 20, description: 'Leads with any of these tags' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(50, { each: true })
  tags?: string[];
}

export class CreateCallBatchDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Spring follow-ups' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @NotBlank()
  name: string;

  @ApiProperty({ description: 'An active voice agent of the tenant' })
  @IsMongoId()
  agentId: string;

  @ApiPropertyOptional({
    type: String,
    isArray: true,
    minItems: 1,
    maxItems: MAX_LEAD_IDS,
    description: 'The leads to call (or give `filter`, not both)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LEAD_IDS)
  @IsMongoId({ each: true })
  leadIds?: string[];

  @ApiPropertyOptional({
    type: CallBatchLeadFilterDto,
    description: `The leads matching this filter, at most ${MAX_BATCH_LEADS} (or give leadIds)`,
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => CallBatchLeadFilterDto)
  filter?: CallBatchLeadFilterDto;

  @ApiProperty({ type: CallingHoursInputDto })
  @ValidateNested()
  @Type(() => CallingHoursInputDto)
  callingHours: CallingHoursInputDto;

  @ApiPropertyOptional({ type: CallBatchRetryInputDto, description: 'Default: 2 attempts, 60 minutes apart' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CallBatchRetryInputDto)
  retry?: CallBatchRetryInputDto;
}

export class CallBatchListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CALL_BATCH_STATUSES })
  @IsOptional()
  @IsIn(CALL_BATCH_STATUSES)
  status?: CallBatchStatus;
}

export class CallBatchItemsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ITEM_STATES })
  @IsOptional()
  @IsIn(ITEM_STATES)
  state?: CallBatchItemState;

  @ApiPropertyOptional({ enum: ITEM_OUTCOMES })
  @IsOptional()
  @IsIn(ITEM_OUTCOMES)
  outcome?: CallBatchItemOutcome;
}
