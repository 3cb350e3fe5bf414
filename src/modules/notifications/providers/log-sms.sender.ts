import { Logger } from '@nestjs/common';
import type { SmsRecipient, SmsSender } from './sms-sender.js';

/** The embedded adapter: the text is written to the log (at most one SMS segment of it). */
export class LogSmsSender implements SmsSender {
  private readonly logger = new Logger('Sms');

  async send(to: SmsRecipient, text: string): Promise<void> {
    this.logger.log(`SMS to user ${to.userId}: ${text.slice(0, 160)}`);
  }
}
