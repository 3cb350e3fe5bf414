import { Injectable, type OnModuleInit } from '@nestjs/common';
import { systemContext } from '../../../core/auth/request-context.js';
import { AppConfig } from '../../../core/config/app-config.js';
import { EffectsRelay } from '../../../core/events/index.js';
import { MailService } from '../../mail/index.js';
import {
  SUPPORT_NOTIFICATION_TYPES,
  type ConsultationChangedEvent,
  type TicketAssignedEvent,
  type TicketRepliedEvent,
  type TicketStatusChangedEvent,
} from '../../support/index.js';
import { NotificationTypes } from '../notification-type-registry.js';
import { NotifyService } from '../notify.service.js';

const STATUS_LABELS: Record<TicketStatusChangedEvent['ticketStatus'], string> = {
  open: 'open again',
  in_progress: 'in progress',
  waiting_on_customer: 'waiting for your reply',
  resolved: 'resolved',
  closed: 'closed',
};

const CONSULTATION_HEADLINES: Record<ConsultationChangedEvent['change'], string> = {
  confirmed: 'Your consultation is confirmed',
  rescheduled: 'Your consultation has a new time',
  completed: 'Thank you for your consultation',
  canceled: 'Your consultation was canceled',
};

/**
 * What the support desk owes its users, as owed effects the relay runs until they succeed. The
 * effect key is the dedupe key of the notification (or the email), so a retried effect never sends twice.
 */
@Injectable()
export class SupportListeners implements OnModuleInit {
  constructor(
    private readonly relay: EffectsRelay,
    private readonly notify: NotifyService,
    private readonly mail: MailService,
    private readonly config: AppConfig,
    types: NotificationTypes,
  ) {
    // In the constructor, not onModuleInit: the API document, built before that, lists the types.
    types.register(SUPPORT_NOTIFICATION_TYPES);
  }

  onModuleInit(): void {
    this.mail.templates.require('notifications', 'ticket-reply', 'ticket-status-changed', 'consultation-update');
    this.relay.on('support.ticket-replied', 'notifications', (event, key) => this.ticketReplied(event, key));
    this.relay.on('support.ticket-status-changed', 'notifications', (event, key) => this.ticketStatusChanged(event, key));
    this.relay.on('support.ticket-assigned', 'notifications', (event, key) => this.ticketAssigned(event, key));
    this.relay.on('support.consultation-changed', 'notifications', (event, key) => this.consultationChanged(event, key));
  }

  private async ticketReplied(event: TicketRepliedEvent, key: string): Promise<void> {
    const url = this.ticketUrl(event.ticketId);
    const variables = {
      ticketNumber: event.ticketNumber,
      ticketSubject: event.subject,
      author: event.authorName,
      reply: event.excerpt,
      url,
    };
    await this.tell(event, key, 'ticket-reply', variables, {
      type: 'ticket-reply',
      title: `New reply on ${event.ticketNumber}`,
      body: `${event.authorName}: ${event.excerpt}`,
      url,
    });
  }

  private async ticketStatusChanged(event: TicketStatusChangedEvent, key: string): Promise<void> {
    const url = this.ticketUrl(event.ticketId);
    const status = STATUS_LABELS[event.ticketStatus];
    const note = event.resolutionSummary ?? event.reason;
    const variables = { ticketNumber: event.ticketNumber, ticketSubject: event.subject, status, note, url };
    await this.tell(event, key, 'ticket-status-changed', variables, {
      type: 'support',
      title: `Ticket ${event.ticketNumber} is ${status}`,
      body: note ? `${event.subject}: ${note}` : event.subject,
      url,
    });
  }

  private async ticketAssigned(event: TicketAssignedEvent, key: string): Promise<void> {
    await this.notify.notify(systemContext(key), event.assigneeId, {
      type: 'support',
      title: `Assigned to you: ${event.ticketNumber}`,
      body: event.subject,
      actions: [{ label: 'Open the ticket', url: this.ticketUrl(event.ticketId) }],
      dedupeKey: key,
    });
  }

  private async consultationChanged(event: ConsultationChangedEvent, key: string): Promise<void> {
    const headline = CONSULTATION_HEADLINES[event.change];
    const when = formatIn(event.scheduledAt, event.timezone);
    const url = `${this.config.get('PUBLIC_BASE_URL')}/support/consultations/${event.consultationId}`;
    await this.notify.notify(systemContext(key), event.requesterId, {
      type: 'support',
      title: headline,
      body: event.change === 'completed' || event.change === 'canceled' ? headline : `${headline}: ${when}`,
      channels: ['email', 'push'],
      actions: [{ label: 'View the consultation', url }],
      email: {
        template: 'consultation-update',
        variables: {
          change: event.change,
          headline,
          when,
          meetingUrl: event.change === 'canceled' ? undefined : event.meetingUrl,
          reason: event.reason,
          url,
        },
      },
      dedupeKey: key,
    });
  }

  /** A user hears in-app, by email and push; a requester known only by address gets the email alone. */
  private async tell(
    recipient: { recipientId?: string; recipientEmail?: string },
    key: string,
    template: string,
    variables: Record<string, unknown>,
    notice: { type: 'ticket-reply' | 'support'; title: string; body: string; url: string },
  ): Promise<void> {
    if (recipient.recipientId) {
      await this.notify.notify(systemContext(key), recipient.recipientId, {
        type: notice.type,
        title: notice.title,
        body: notice.body,
        channels: ['email', 'push'],
        actions: [{ label: 'View the ticket', url: notice.url }],
        email: { template, variables },
        dedupeKey: key,
      });
    } else if (recipient.recipientEmail) {
      await this.mail.enqueue(systemContext(key), {
        to: recipient.recipientEmail,
        template,
        variables: { name: 'there', ...variables },
        idempotencyKey: key,
      });
    }
  }

  private ticketUrl(ticketId: string): string {
    return `${this.config.get('PUBLIC_BASE_URL')}/support/tickets/${ticketId}`;
  }
}

/** "Tuesday, 3 March 2026 at 14:00 (Europe/Berlin)": the time as the requester reads it. */
function formatIn(iso: string, timezone: string): string {
  try {
    const text = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: timezone }).format(new Date(iso));
    return `${text} (${timezone})`;
  } catch {
    return `${iso} (UTC)`;
  }
}
