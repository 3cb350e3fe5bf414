import { Injectable } from '@nestjs/common';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { AuditTrail } from '../audit/index.js';
import { UserDirectory } from '../identity/index.js';
import type { SendNotificationDto, SendResultDto } from './dto/notification.dto.js';
import { NotifyService, type NotifyRequest } from './notify.service.js';

/** Recipients per batch: each batch costs a handful of queries whatever its size (NotificationDispatcher). */
export const SEND_BATCH = 1000;

/** Staff sends to listed users or to everyone with a role, now or at `scheduledFor`, in batches. */
@Injectable()
export class NotificationSender {
  constructor(
    private readonly notify: NotifyService,
    private readonly directory: UserDirectory,
    private readonly policy: PermissionPolicy,
    private readonly trail: AuditTrail,
  ) {}

  async send(ctx: RequestContext, input: SendNotificationDto): Promise<SendResultDto> {
    this.policy.require(ctx, 'notification.send');
    const scheduledFor = input.scheduledFor ? new Date(input.scheduledFor) : new Date();
    const request: NotifyRequest = {
      type: input.type,
      title: input.title,
      body: input.body,
      priority: input.priority,
      channels: input.channels,
      actions: input.actions,
      attachments: input.attachments,
      groupKey: input.groupKey,
      scheduledFor,
    };
    let created = 0;
    for await (const batch of this.recipients(input)) created += (await this.notify.notifyMany(ctx, batch, request)).length;
    await this.trail.record(ctx, {
      action: input.role ? 'notification.broadcast' : 'notification.sent',
      targetType: 'notification-type',
      targetId: input.type,
      after: { role: input.role, userIds: input.userIds, title: input.title, channels: input.channels, created, scheduledFor },
    });
    return { created, scheduledFor: scheduledFor.toISOString() };
  }

  /** The listed ids, or every reachable user with the role, SEND_BATCH at a time in id order. */
  private async *recipients(input: SendNotificationDto): AsyncGenerator<string[]> {
    if (input.userIds) {
      for (let start = 0; start < input.userIds.length; start += SEND_BATCH) yield input.userIds.slice(start, start + SEND_BATCH);
      return;
    }
    let after: string | undefined;
    for (;;) {
      const ids = await this.directory.idsByRole(input.role!, { after, limit: SEND_BATCH });
      if (ids.length === 0) return;
      yield ids;
      if (ids.length < SEND_BATCH) return;
      after = ids.at(-1);
    }
  }
}
