import { Injectable, type OnModuleInit } from '@nestjs/common';
import { systemContext } from '../../../core/auth/request-context.js';
import { AppConfig } from '../../../core/config/app-config.js';
import { EffectsRelay } from '../../../core/events/index.js';
import { MailService } from '../../mail/index.js';
import { WEBINARS_NOTIFICATION_TYPES, type WebinarNotice, type WebinarReminderEvent } from '../../webinars/index.js';
import { NotificationTypes } from '../notification-type-registry.js';
import { NotifyService } from '../notify.service.js';

const REMINDER_SOON: Record<WebinarReminderEvent['reminderKind'], string> = { '24h': 'tomorrow', '1h': 'in one hour' };

/**
 * What webinar registrations owe their registrants, as owed effects the relay runs until they
 * succeed. The effect key is the notification's dedupe key (or the email's idempotency key), so a
 * retried effect never tells anyone twice.
 */
@Injectable()
export class WebinarsListeners implements OnModuleInit {
  constructor(
    private readonly relay: EffectsRelay,
    private readonly notify: NotifyService,
    private readonly mail: MailService,
    private readonly config: AppConfig,
    types: NotificationTypes,
  ) {
    // In the constructor, not onModuleInit: the API document, built before that, lists the types.
    types.register(WEBINARS_NOTIFICATION_TYPES);
  }

  onModuleInit(): void {
    this.mail.templates.require('notifications', 'webinar-promoted', 'webinar-reminder', 'webinar-canceled');
    this.relay.on('webinars.registration-promoted', 'notifications', (event, key) =>
      this.tell(event, key, 'webinar-promoted', `A seat for ${event.webinarTitle} is yours`, {}),
    );
    this.relay.on('webinars.reminder', 'notifications', (event, key) =>
      this.tell(event, key, 'webinar-reminder', `${event.webinarTitle} starts ${REMINDER_SOON[event.reminderKind]}`, {
        soon: REMINDER_SOON[event.reminderKind],
      }),
    );
    this.relay.on('webinars.webinar-canceled', 'notifications', (event, key) =>
      this.tell(event, key, 'webinar-canceled', `${event.webinarTitle} is canceled`, { url: `${this.baseUrl()}/webinars` }),
    );
  }

  /** An account hears in-app, by email and push; an address without one gets the email. */
  private async tell(event: WebinarNotice, key: string, template: string, title: string, extra: Record<string, unknown>): Promise<void> {
    const variables = { ...this.variablesOf(event), url: this.registrationUrl(event), ...extra };
    if (event.registrantId) {
      await this.notify.notify(systemContext(key), event.registrantId, {
        type: 'webinar',
        title,
        body: `${event.webinarTitle}: ${variables.when}`,
        channels: ['email', 'push'],
        actions: [{ label: 'View the registration', url: String(variables.url) }],
        email: { template, variables },
        dedupeKey: key,
      });
    } else {
      await this.mail.enqueue(systemContext(key), { to: event.registrantEmail, template, variables, idempotencyKey: key });
    }
  }

  private variablesOf(event: WebinarNotice): { name: string; webinarTitle: string; when: string } {
    return { name: event.registrantName, webinarTitle: event.webinarTitle, when: formatIn(event.webinarStartsAt, event.webinarTimezone) };
  }

  private registrationUrl(event: WebinarNotice): string {
    return `${this.baseUrl()}/webinars/registrations/${event.registrationId}`;
  }

  private baseUrl(): string {
    return this.config.get('PUBLIC_BASE_URL');
  }
}

/** "Tuesday, 3 March 2026 at 14:00 (Europe/Berlin)": the start as the webinar announces it. */
function formatIn(iso: string, timezone: string): string {
  try {
    const text = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: timezone }).format(new Date(iso));
    return `${text} (${timezone})`;
  } catch {
    return `${iso} (UTC)`;
  }
}
