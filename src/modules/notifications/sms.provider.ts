import { Injectable, Logger } from '@nestjs/common';

export const SMS_PROVIDER = Symbol('SMS_PROVIDER');

/** The boundary to an SMS gateway. */
export interface SmsProvider {
  send(userId: string, text: string): Promise<void>;
}

/** The embedded default: writes the message to the log. */
@Injectable()
export class LogSmsProvider implements SmsProvider {
  private readonly logger = new Logger('Sms');

  async send(userId: string, text: string): Promise<void> {
    this.logger.log(`SMS to user ${userId}: ${text.slice(0, 160)}`);
  }
}
