import type { CallBatchDto, CallBatchItemDto, CallBatchProgressDto } from './dto/call-batch.dto.js';
import type { CallBatchItem } from './schemas/call-batch-item.schema.js';
import type { CallBatch } from './schemas/call-batch.schema.js';

export function toCallBatchDto(batch: CallBatch, progress?: CallBatchProgressDto): CallBatchDto {
  return {
    id: batch._id.toString(),
    tenantId: batch.tenantId.toString(),
    name: batch.name,
    agentId: batch.agentId.toString(),
    createdBy: batch.createdBy.toString(),
    status: batch.status,
    pauseReason: batch.status === 'paused' ? batch.pauseReason : undefined,
    callingHours: {
      start: batch.callingHours.start,
      end: batch.callingHours.end,
      days: batch.callingHours.days?.length ? [...batch.callingHours.days] : undefined,
    },
    retry: { maxAttempts: batch.retry.maxAttempts, delayMinutes: batch.retry.delayMinutes },
    progress,
    finishedAt: batch.finishedAt?.toISOString(),
    createdAt: batch.createdAt.toISOString(),
    updatedAt: batch.updatedAt.toISOString(),
  };
}

export function toCallBatchItemDto(item: CallBatchItem): CallBatchItemDto {
  return {
    id: item._id.toString(),
    batchId: item.batchId.toString(),
    leadId: item.leadId.toString(),
    timezone: item.timezone,
    state: item.state,
    attempts: item.attempts,
    nextAttemptAt: item.nextAttemptAt.toISOString(),
    callIds: item.callIds.map((id) => id.toString()),
    outcome: item.state === 'done' ? item.outcome : undefined,
    updatedAt: item.updatedAt.toISOString(),
  };
}
