import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { ActorContext, RequestContext } from '../../core/auth/request-context.js';
import { anyOf } from '../../core/database/find-page.js';
import { ValidationProblem } from '../../core/http/problem.js';
import { OutboundUrlRefused, outboundUrlProblem } from '../../core/net/index.js';
import type { PushSubscriptionDto, SubscribePushDto } from './dto/notification.dto.js';
import { PUSH_SENDER, type PushMessage, type PushSender } from './providers/push-sender.js';
import type { ChannelDelivery } from './schemas/notification.schema.js';
import { PushSubscription } from './schemas/push-subscription.schema.js';

const PUSHES_IN_FLIGHT = 50;

/** One notification's push: `id` names the outcome in the answer. */
export interface OutgoingPush {
  id: string;
  userId: string;
  message: PushMessage;
}

/**
 * Web Push subscriptions and sends. Endpoints are chosen by browsers, so by anyone: they pass the
 * outbound URL policy when registered and again when sent (the vendor adapter connects through the
 * agent that reaches public addresses only).
 */
@Injectable()
export class PushService {
  private readonly logger = new Logger(PushService.name);

  constructor(
    @InjectModel(PushSubscription.name) private readonly subscriptions: Model<PushSubscription>,
    @Inject(PUSH_SENDER) private readonly sender: PushSender,
    private readonly policy: PermissionPolicy,
  ) {}

  /** Registers (or moves to this user) a browser's subscription. */
  async subscribe(ctx: ActorContext, input: SubscribePushDto): Promise<PushSubscriptionDto> {
    this.policy.require(ctx, 'notification.mine');
    const problem = outboundUrlProblem(input.endpoint);
    if (problem) throw new ValidationProblem([{ field: 'endpoint', message: `must be a public https URL (${problem})` }]);
    // Stored as the WHATWG parser reads it, so every later reader sees the host that was checked.
    const endpoint = new URL(input.endpoint).href;
    const saved = await this.subscriptions
      .findOneAndUpdate(
        { endpoint },
        { $set: { userId: new Types.ObjectId(ctx.actor.id), keys: input.keys, userAgent: ctx.client.userAgent } },
        { upsert: true, returnDocument: 'after', runValidators: true },
      )
      .lean<PushSubscription>();
    return {
      id: saved!._id.toString(),
      endpoint: saved!.endpoint,
      createdAt: saved!.createdAt.toISOString(),
      updatedAt: saved!.updatedAt.toISOString(),
    };
  }

  async unsubscribe(ctx: ActorContext, endpoint: string): Promise<void> {
    this.policy.require(ctx, 'notification.mine');
    // The stored form is normalized (subscribe); rows from before that may hold the raw one.
    const forms = [endpoint, ...(URL.canParse(endpoint) ? [new URL(endpoint).href] : [])];
    await this.subscriptions.deleteOne({ endpoint: anyOf(forms), userId: new Types.ObjectId(ctx.actor.id) });
  }

  /**
   * Sends each message to every device of its user, reading all the users' devices in one query;
   * gone endpoints (404/410) are removed in one delete. Answers each message's push outcome by its id.
   */
  async sendMany(ctx: RequestContext, messages: readonly OutgoingPush[]): Promise<Map<string, ChannelDelivery>> {
    this.policy.require(ctx, 'notification.send');
    if (messages.length === 0) return new Map();
    const userIds = [...new Set(messages.map((push) => push.userId))];
    const devices = await this.subscriptions
      .find({ userId: anyOf(userIds.map((id) => new Types.ObjectId(id))) })
      .lean<PushSubscription[]>();
    const byUser = new Map<string, PushSubscription[]>();
    for (const device of devices) byUser.set(device.userId.toString(), [...(byUser.get(device.userId.toString()) ?? []), device]);
    const gone = new Set<string>();
    const outcomes: (readonly [string, ChannelDelivery])[] = [];
    // A bounded number of users' pushes in flight at once, however large the batch.
    for (let start = 0; start < messages.length; start += PUSHES_IN_FLIGHT) {
      const slice = messages.slice(start, start + PUSHES_IN_FLIGHT);
      outcomes.push(
        ...(await Promise.all(
          slice.map(async (push) => [push.id, await this.sendToDevices(byUser.get(push.userId) ?? [], push.message, gone)] as const),
        )),
      );
    }
    if (gone.size > 0) await this.subscriptions.deleteMany({ _id: anyOf([...gone].map((id) => new Types.ObjectId(id))) });
    return new Map(outcomes);
  }

  async eraseUser(ctx: RequestContext, userId: string): Promise<void> {
    this.policy.require(ctx, 'notification.maintain');
    await this.subscriptions.deleteMany({ userId: new Types.ObjectId(userId) });
  }

  private async sendToDevices(devices: PushSubscription[], message: PushMessage, gone: Set<string>): Promise<ChannelDelivery> {
    let delivered = 0;
    const failures: string[] = [];
    await Promise.all(
      devices.map(async (device) => {
        try {
          const problem = outboundUrlProblem(device.endpoint);
          if (problem) throw new OutboundUrlRefused(`endpoint ${problem}`);
          if ((await this.sender.send({ endpoint: device.endpoint, keys: device.keys }, message)) === 'gone')
            gone.add(device._id.toString());
          else delivered++;
        } catch (error) {
          const reason = error instanceof OutboundUrlRefused ? error.message : `failed: ${(error as Error).message}`;
          failures.push(reason);
          this.logger.warn(`push to subscription ${device._id.toString()} ${reason}`);
        }
      }),
    );
    const at = new Date();
    if (delivered > 0) return { status: 'sent', at };
    if (failures.length > 0) return { status: 'failed', at, reason: `push not sent: ${failures[0]}`.slice(0, 500) };
    return { status: 'skipped', at, reason: 'no push subscription' };
  }
}
