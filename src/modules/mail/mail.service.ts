import { Injectable } from '@nestjs/common';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { AppConfig } from '../../core/config/app-config.js';
import { EmailQueue } from './email-queue.repository.js';
import { MailTemplates } from './mail-templates.js';

export interface EnqueueRequest {
  to: string;
  /** A template some module registered (MailTemplates); an unknown one throws. */
  template: string;
  variables: Record<string, unknown>;
  /** The same logical email is queued once per key. */
  idempotencyKey: string;
  /** Higher goes first. */
  priority?: number;
  /** Not before this time (quiet hours, scheduled sends). */
  notBefore?: Date;
}

/**
 * What other modules use to send email: `templates` to contribute their own templates, `enqueue` to
 * queue a rendered email (flows act as the system when they do). The worker sends it later.
 */
@Injectable()
export class MailService {
  constructor(
    readonly templates: MailTemplates,
    private readonly queue: EmailQueue,
    private readonly policy: PermissionPolicy,
    private readonly config: AppConfig,
  ) {}

  /** Renders and queues one email. Answers whether it was new (false: that key was queued before). */
  async enqueue(ctx: RequestContext, request: EnqueueRequest): Promise<boolean> {
    return (await this.enqueueMany(ctx, [request])) === 1;
  }

  /** One bulk insert for many; keys queued before are skipped. Answers how many were new. */
  async enqueueMany(ctx: RequestContext, requests: readonly EnqueueRequest[]): Promise<number> {
    this.policy.require(ctx, 'mail.send');
    const now = new Date();
    const baseUrl = this.config.get('PUBLIC_BASE_URL');
    return this.queue.insert(
      requests.map((request) => ({
        to: request.to,
        template: request.template,
        ...this.templates.render(request.template, { baseUrl, ...request.variables }),
        priority: request.priority ?? 0,
        nextAttemptAt: request.notBefore ?? now,
        idempotencyKey: request.idempotencyKey,
      })),
    );
  }
}
