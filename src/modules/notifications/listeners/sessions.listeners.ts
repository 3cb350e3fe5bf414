import { Injectable, type OnModuleInit } from '@nestjs/common';
import { systemContext } from '../../../core/auth/request-context.js';
import { AppConfig } from '../../../core/config/app-config.js';
import { EffectsRelay } from '../../../core/events/index.js';
import { UserDirectory, type UserContact } from '../../identity/index.js';
import { MailService } from '../../mail/index.js';
import {
  SESSION_TEMPLATE_NAMES as TEMPLATES,
  SESSIONS_NOTIFICATION_TYPES,
  type SessionNotice,
  type SessionReminderEvent,
} from '../../sessions/index.js';
import { NotificationTypes } from '../notification-type-registry.js';
import { NotifyService } from '../notify.service.js';

const REMINDER_SOON: Record<SessionReminderEvent['sessionReminderKind'], string> = { '24h': 'within a day', '15m': 'in 15 minutes' };

type Recipients = 'both' | 'others';
type Notice = { template: string; title: string; body: string; path?: string; extra?: Record<string, unknown> };

/**
 * What learning sessions tell their participants, as owed effects the relay runs until they succeed: the
 * teacher hears of a booking, the other side of a cancellation or a new time, both of reminders and, after a
 * completed session, the request for feedback. The effect key is the notification's dedupe key (per
 * recipient), so a retried effect never tells anyone twice.
 */
@Injectable()
export class SessionsListeners implements OnModuleInit {
  constructor(
    private readonly relay: EffectsRelay,
    private readonly notify: NotifyService,
    private readonly mail: MailService,
    private readonly directory: UserDirectory,
    private readonly config: AppConfig,
    types: NotificationTypes,
  ) {
    // In the constructor, not onModuleInit: the API document, built before that, lists the types.
    types.register(SESSIONS_NOTIFICATION_TYPES);
  }

  onModuleInit(): void {
    this.mail.templates.require('notifications', ...Object.values(TEMPLATES));
    this.relay.on('sessions.session-booked', 'notifications', (event, key) =>
      this.tell(event, key, 'others', { template: TEMPLATES.booked, title: `New ${event.skillName} session`, body: 'Booked for' }),
    );
    this.relay.on('sessions.session-cancelled', 'notifications', (event, key) =>
      this.tell(event, key, 'others', {
        template: TEMPLATES.cancelled,
        title: `${event.skillName} session cancelled`,
        body: 'It was planned for',
        extra: { reason: event.cancellationReason },
      }),
    );
    this.relay.on('sessions.session-rescheduled', 'notifications', (event, key) =>
      this.tell(event, key, 'others', {
        template: TEMPLATES.rescheduled,
        title: `New time for your ${event.skillName} session`,
        body: 'It now starts',
        extra: { previousStartsAt: event.previousStartsAt, reason: event.rescheduleReason },
      }),
    );
    this.relay.on('sessions.reminder', 'notifications', (event, key) =>
      this.tell(event, key, 'both', {
        template: TEMPLATES.reminder,
        title: `Your ${event.skillName} session starts ${REMINDER_SOON[event.sessionReminderKind]}`,
        body: 'It starts',
        extra: { soon: REMINDER_SOON[event.sessionReminderKind] },
      }),
    );
    this.relay.on('sessions.session-completed', 'notifications', (event, key) =>
      this.tell(event, key, 'both', {
        template: TEMPLATES.completed,
        title: `How was your ${event.skillName} session?`,
        body: 'Rate the session that started',
        path: '/feedback',
        extra: { minutes: event.sessionMinutes },
      }),
    );
  }

  /** Each recipient hears in-app, by email and push, with the time in their own zone (the session's when they set none). */
  private async tell(event: SessionNotice, key: string, recipients: Recipients, notice: Notice): Promise<void> {
    const sides = [
      { id: event.teacherId, other: event.learnerId, otherRole: 'your learner' },
      { id: event.learnerId, other: event.teacherId, otherRole: 'your teacher' },
    ].filter((side) => recipients === 'both' || side.id !== event.actorId);
    const contacts = await this.directory.contactsOf([event.teacherId, event.learnerId]);
    const url = `${this.config.get('PUBLIC_BASE_URL')}/sessions/${event.sessionId}${notice.path ?? ''}`;
    for (const side of sides) {
      const contact = contacts.get(side.id);
      if (!contact) continue; // a deleted or deactivated account: nobody to tell
      const timezone = contact.timezone || event.sessionTimezone;
      const { previousStartsAt, ...extra } = notice.extra ?? {};
      const variables = {
        name: contact.name,
        other: otherName(contacts.get(side.other), side.otherRole),
        skillName: event.skillName,
        when: formatIn(event.sessionStartsAt, timezone),
        ...(typeof previousStartsAt === 'string' ? { previous: formatIn(previousStartsAt, timezone) } : {}),
        url,
        ...extra,
      };
      await this.notify.notify(systemContext(key), side.id, {
        type: 'learning-session',
        title: notice.title,
        body: `${notice.body} ${variables.when}`,
        channels: ['email', 'push'],
        actions: [{ label: 'View the session', url }],
        email: { template: notice.template, variables },
        dedupeKey: key,
      });
    }
  }
}

/** The other participant as they show themselves to others; never their address. */
const otherName = (contact: UserContact | undefined, role: string) => contact?.publicName ?? role;

/** "Tuesday, 3 March 2026 at 14:00 (Europe/Berlin)". */
function formatIn(iso: string, timezone: string): string {
  try {
    const text = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: timezone }).format(new Date(iso));
    return `${text} (${timezone})`;
  } catch {
    return `${iso} (UTC)`;
  }
}
