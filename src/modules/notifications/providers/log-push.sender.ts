import { Logger } from '@nestjs/common';
import type { PushMessage, PushSender, PushTarget } from './push-sender.js';

/** The embedded adapter, without VAPID keys: the push is written to the log and counts as delivered. */
export class LogPushSender implements PushSender {
  private readonly logger = new Logger('Push');

  async send(target: PushTarget, message: PushMessage): Promise<'delivered'> {
    this.logger.log(`push to ${new URL(target.endpoint).host} (no VAPID keys; logged only): ${message.title}`);
    return 'delivered';
  }
}
