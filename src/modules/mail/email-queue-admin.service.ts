import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import type { Page } from '../../core/http/pagination.js';
import { ProblemException } from '../../core/http/problem.js';
import { AuditTrail } from '../audit/index.js';
import type { EmailQueueQueryDto, EmailQueueStatsDto, QueuedEmailDto } from './dto/email-queue.dto.js';
import { EmailQueue } from './email-queue.repository.js';
import { toQueuedEmailDto } from './email.mapper.js';

/** The operators' view of the queue: counts, the emails themselves, and sending a dead one again. */
@Injectable()
export class EmailQueueAdminService {
  constructor(
    private readonly queue: EmailQueue,
    private readonly policy: PermissionPolicy,
    private readonly trail: AuditTrail,
  ) {}

  async stats(ctx: RequestContext): Promise<EmailQueueStatsDto> {
    this.policy.require(ctx, 'email-queue.read');
    const { counts, oldestPending } = await this.queue.counts();
    return { counts, oldestPendingAgeSeconds: oldestPending ? Math.round((Date.now() - oldestPending.getTime()) / 1000) : null };
  }

  list(ctx: RequestContext, query: EmailQueueQueryDto): Promise<Page<QueuedEmailDto>> {
    this.policy.require(ctx, 'email-queue.read');
    return this.queue.page(query.status, query, toQueuedEmailDto);
  }

  /** A dead email is sent again from a fresh count of attempts; any other state is the lifecycle's 409. */
  async retry(ctx: RequestContext, id: string): Promise<QueuedEmailDto> {
    this.policy.require(ctx, 'email-queue.retry');
    const email = await this.queue.findById(id);
    if (!email) throw new NotFoundException('No such email.');
    const retried = await this.queue.requeue(email._id, email.status);
    if (!retried) throw new ProblemException(HttpStatus.CONFLICT, 'conflict', 'Conflict', 'The email changed meanwhile; look again.');
    await this.trail.record(ctx, {
      action: 'email.requeued',
      targetType: 'email',
      targetId: id,
      before: { status: email.status, attempts: email.attempts },
      after: { status: retried.status, attempts: retried.attempts },
    });
    return toQueuedEmailDto(retried);
  }
}
