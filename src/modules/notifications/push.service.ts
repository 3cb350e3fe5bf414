import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model } from 'mongoose';
import webpush from 'web-push';
import type { Actor } from '../../core/auth/roles.js';
import { AppConfig } from '../../core/config/app-config.js';
import type { ClientInfo } from '../../core/http/client-info.js';
import { ValidationProblem } from '../../core/http/problem.js';
import { OutboundUrlRefused, outboundUrlProblem, publicHttpsAgent } from '../../core/net/index.js';
import type { PushSubscriptionDto, SubscribePushDto } from './dto/notification.dto.js';
import { PushSubscription } from './schemas/push-subscription.schema.js';

/**
 * Web Push with VAPID keys; without keys configured, pushes are logged instead of sent.
 * Endpoints are chosen by browsers, so by anyone: they pass the outbound URL policy when registered
 * and again when sent, through the agent that connects to public addresses only.
 */
@Injectable()
export class PushService {
  private readonly logger = new Logger(PushService.name);
  private readonly configured: boolean;

  constructor(
    @InjectModel(PushSubscription.name) private readonly subscriptions: Model<PushSubscription>,
    config: AppConfig,
  ) {
    const publicKey = config.get('VAPID_PUBLIC_KEY');
    const privateKey = config.get('VAPID_PRIVATE_KEY');
    this.configured = Boolean(publicKey && privateKey);
    if (this.configured) webpush.setVapidDetails(config.get('VAPID_SUBJECT'), publicKey!, privateKey!);
  }

  /** Registers (or moves to this user) a browser's subscription. */
  async subscribe(actor: Actor, input: SubscribePushDto, client: ClientInfo): Promise<PushSubscriptionDto> {
    const problem = outboundUrlProblem(input.endpoint);
    if (problem) throw new ValidationProblem([{ field: 'endpoint', message: `must be a public https URL (${problem})` }]);
    // Stored as the WHATWG parser reads it, so every later reader sees the host that was checked.
    const endpoint = new URL(input.endpoint).href;
    const saved = await this.subscriptions
      .findOneAndUpdate(
        { endpoint },
        { $set: { userId: new Types.ObjectId(actor.id), keys: input.keys, userAgent: client.userAgent } },
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

  async unsubscribe(actor: Actor, endpoint: string): Promise<void> {
    // The stored form is normalized (subscribe); rows from before that may hold the raw one.
    const forms = [endpoint, ...(URL.canParse(endpoint) ? [new URL(endpoint).href] : [])];
    await this.subscriptions.deleteOne({ endpoint: trusted({ $in: forms }), userId: new Types.ObjectId(actor.id) });
  }

  /**
   * Sends to every device of the user; gone endpoints (404/410) are removed. Answers how many got it,
   * and throws the reason when none did because every attempt failed (refused or errored).
   */
  async send(userId: string, payload: { title: string; body: string; url?: string }): Promise<number> {
    const devices = await this.subscriptions.find({ userId: new Types.ObjectId(userId) }).lean<PushSubscription[]>();
    if (devices.length === 0) return 0;
    if (!this.configured) {
      this.logger.log(`push to ${userId} on ${devices.length} device(s) (no VAPID keys; logged only): ${payload.title}`);
      return devices.length;
    }
    let delivered = 0;
    const failures: string[] = [];
    await Promise.all(
      devices.map(async (device) => {
        try {
          const problem = outboundUrlProblem(device.endpoint);
          if (problem) throw new OutboundUrlRefused(`endpoint ${problem}`);
          await webpush.sendNotification({ endpoint: device.endpoint, keys: device.keys }, JSON.stringify(payload), {
            TTL: 3600,
            agent: publicHttpsAgent(),
            timeout: 10_000,
          });
          delivered++;
        } catch (error) {
          const status = (error as { statusCode?: number }).statusCode;
          if (status === 404 || status === 410) {
            await this.subscriptions.deleteOne({ _id: device._id });
            return;
          }
          const reason = error instanceof OutboundUrlRefused ? error.message : `failed: ${(error as Error).message}`;
          failures.push(reason);
          this.logger.warn(`push to subscription ${device._id.toString()} ${reason}`);
        }
      }),
    );
    if (delivered === 0 && failures.length > 0) throw new Error(`push not sent: ${failures[0]}`);
    return delivered;
  }
}
