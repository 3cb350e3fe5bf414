import type { QueuedEmailDto } from './dto/email-queue.dto.js';
import type { QueuedEmail } from './schemas/queued-email.schema.js';

export function toQueuedEmailDto(email: QueuedEmail): QueuedEmailDto {
  return {
    id: email._id.toString(),
    to: email.to,
    template: email.template,
    subject: email.subject,
    status: email.status,
    priority: email.priority,
    attempts: email.attempts,
    nextAttemptAt: new Date(email.nextAttemptAt).toISOString(),
    lastError: email.lastError,
    sentAt: email.sentAt ? new Date(email.sentAt).toISOString() : undefined,
    createdAt: new Date(email.createdAt).toISOString(),
    updatedAt: new Date(email.updatedAt).toISOString(),
  };
}
