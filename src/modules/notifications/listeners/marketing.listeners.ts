import { Injectable, type OnModuleInit } from '@nestjs/common';
import { systemContext } from '../../../core/auth/request-context.js';
import { EffectsRelay } from '../../../core/events/index.js';
import type { CaptureRequestedEvent } from '../../marketing/index.js';
import { MailService } from '../../mail/index.js';

/**
 * The confirmation email a sign-up owes: sent to the address (no account behind it), queued once per
 * effect key, so a retried effect never mails twice.
 */
@Injectable()
export class MarketingListeners implements OnModuleInit {
  constructor(
    private readonly relay: EffectsRelay,
    private readonly mail: MailService,
  ) {}

  onModuleInit(): void {
    this.mail.templates.require('notifications', 'email-confirm');
    this.relay.on('marketing.capture-requested', 'notifications', (event, key) => this.confirm(event, key));
  }

  private async confirm(event: CaptureRequestedEvent, key: string): Promise<void> {
    await this.mail.enqueue(systemContext(key), {
      to: event.email,
      template: 'email-confirm',
      variables: { confirmUrl: event.confirmUrl, confirmBy: event.confirmBy },
      idempotencyKey: key,
    });
  }
}
