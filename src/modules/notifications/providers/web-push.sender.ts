import webpush from 'web-push';
import { publicHttpsAgent } from '../../../core/net/index.js';
import type { PushMessage, PushSender, PushTarget } from './push-sender.js';

export interface VapidKeys {
  subject: string;
  publicKey: string;
  privateKey: string;
}

/**
 * The vendor adapter: web-push with VAPID keys, passed on each call (no process-wide state), through
 * the agent that connects to public addresses only, so an endpoint that resolves inward reaches nothing.
 */
export class WebPushSender implements PushSender {
  constructor(private readonly vapid: VapidKeys) {}

  async send(target: PushTarget, message: PushMessage): Promise<'delivered' | 'gone'> {
    try {
      await webpush.sendNotification(target, JSON.stringify(message), {
        TTL: 3600,
        timeout: 10_000,
        agent: publicHttpsAgent(),
        vapidDetails: this.vapid,
      });
      return 'delivered';
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      if (status === 404 || status === 410) return 'gone';
      throw error;
    }
  }
}
