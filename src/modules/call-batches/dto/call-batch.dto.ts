import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CALL_BATCH_STATUSES,
  ITEM_OUTCOMES,
  ITEM_STATES,
  type CallBatchItemOutcome,
  type CallBatchItemState,
  type CallBatchStatus,
} from '../call-batch.lifecycle.js';
import { WEEKDAYS, type Weekday } from '../calling-hours.js';

export class CallBatchHoursDto {
  @ApiProperty({ example: '09:00' }) start: string;
  @ApiProperty({ example: '18:00' }) end: string;
  @ApiPropertyOptional({ enum: WEEKDAYS, isArray: true }) days?: Weekday[];
}

export class CallBatchRetryDto {
  @ApiProperty() maxAttempts: number;
  @ApiProperty() delayMinutes: number;
}

/** Items by outcome once done; `skipped` also counts the leads that got no item (do-not-call or unknown). */
export class CallBatchDoneDto {
  @ApiProperty() completed: number;
  @ApiProperty() failed: number;
  @ApiProperty() no_answer: number;
  @ApiProperty() busy: number;
  @ApiProperty() canceled: number;
  @ApiProperty() skipped: number;
}

export class CallBatchProgressDto {
  @ApiProperty({ description: 'Leads asked for: items plus the leads skipped at creation' }) total: number;
  @ApiProperty({ description: 'Items waiting for their turn, their calling hours or a retry' }) pending: number;
  @ApiProperty({ description: 'Items being placed or with a call in flight' }) inProgress: number;
  @ApiProperty({ type: CallBatchDoneDto }) done: CallBatchDoneDto;
  @ApiProperty({ description: 'Calls placed so far, retries included' }) attempts: number;
  @ApiProperty({ description: 'Leads skipped at creation: do-not-call' }) skippedDoNotCall: number;
  @ApiProperty({ description: 'Leads skipped at creation: not in the tenant' }) skippedUnknown: number;
}

export class CallBatchDto {
  @ApiProperty() id: string;
  @ApiProperty() tenantId: string;
  @ApiProperty() name: string;
  @ApiProperty() agentId: string;
  @ApiProperty() createdBy: string;
  @ApiProperty({ enum: CALL_BATCH_STATUSES }) status: CallBatchStatus;
  @ApiPropertyOptional({ description: 'Why it is paused: paused-by-user, minutes-exhausted, feature-not-included, agent-not-active…' })
  pauseReason?: string;
  @ApiProperty({ type: CallBatchHoursDto }) callingHours: CallBatchHoursDto;
  @ApiProperty({ type: CallBatchRetryDto }) retry: CallBatchRetryDto;
  @ApiPropertyOptional({ type: CallBatchProgressDto, description: 'On reads of one batch' }) progress?: CallBatchProgressDto;
  @ApiPropertyOptional({ format: 'date-time' }) finishedAt?: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class CallBatchItemDto {
  @ApiProperty() id: string;
  @ApiProperty() batchId: string;
  @ApiProperty() leadId: string;
  @ApiProperty() timezone: string;
  @ApiProperty({ enum: ITEM_STATES }) state: CallBatchItemState;
  @ApiProperty() attempts: number;
  @ApiProperty({ format: 'date-time' }) nextAttemptAt: string;
  @ApiProperty({ type: String, isArray: true }) callIds: string[];
  @ApiPropertyOptional({ enum: ITEM_OUTCOMES }) outcome?: CallBatchItemOutcome;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
