import { Injectable, type OnModuleInit } from '@nestjs/common';
import { systemContext } from '../../../core/auth/request-context.js';
import { AppConfig } from '../../../core/config/app-config.js';
import { EffectsRelay } from '../../../core/events/index.js';
import {
  CAREERS_NOTIFICATION_TYPES,
  type ApplicantRecipient,
  type ApplicationStatus,
  type ApplicationStatusChangedEvent,
  type InterviewScheduledEvent,
  type OfferMadeEvent,
} from '../../careers/index.js';
import { MailService } from '../../mail/index.js';
import { NotificationTypes } from '../notification-type-registry.js';
import { NotifyService } from '../notify.service.js';

const STAGE_HEADLINES: Record<ApplicationStatus, string> = {
  submitted: 'we received it',
  screening: 'we are screening it',
  assessment: 'it moved to the assessment',
  phone_interview: 'it moved to a phone interview',
  technical_interview: 'it moved to a technical interview',
  onsite_interview: 'it moved to an onsite interview',
  reference_check: 'we are checking references',
  offer_extended: 'we made you an offer',
  offer_accepted: 'you accepted our offer',
  hired: 'welcome aboard',
  offer_declined: 'you declined our offer',
  rejected: 'we will not move forward',
  withdrawn: 'it was withdrawn',
};

/**
 * What job applications owe their applicants, as owed effects the relay runs until they succeed. An
 * applicant who applied signed in hears in-app and by email; one known only by address gets the email.
 * The effect key is the notification's dedupe key (or the email's), so a retried effect never tells twice.
 */
@Injectable()
export class CareersListeners implements OnModuleInit {
  constructor(
    private readonly relay: EffectsRelay,
    private readonly notify: NotifyService,
    private readonly mail: MailService,
    private readonly config: AppConfig,
    types: NotificationTypes,
  ) {
    // In the constructor, not onModuleInit: the API document, built before that, lists the types.
    types.register(CAREERS_NOTIFICATION_TYPES);
  }

  onModuleInit(): void {
    this.mail.templates.require('notifications', 'careers-application-update');
    this.relay.on('careers.application-status-changed', 'notifications', (event, key) => this.statusChanged(event, key));
    this.relay.on('careers.interview-scheduled', 'notifications', (event, key) => this.interviewScheduled(event, key));
    this.relay.on('careers.offer-made', 'notifications', (event, key) => this.offerMade(event, key));
  }

  private statusChanged(event: ApplicationStatusChangedEvent, key: string): Promise<void> {
    return this.tell(event, key, STAGE_HEADLINES[event.applicationStatus], event.statusReason);
  }

  private interviewScheduled(event: InterviewScheduledEvent, key: string): Promise<void> {
    const when = `${event.interviewAt.replace('T', ' ').slice(0, 16)} UTC, ${event.interviewMinutes} minutes`;
    return this.tell(event, key, `a ${event.interviewKind} interview is scheduled`, when);
  }

  private offerMade(event: OfferMadeEvent, key: string): Promise<void> {
    return this.tell(
      event,
      key,
      'an offer is waiting for your answer',
      `Please answer before ${event.offerExpiresAt.replace('T', ' ').slice(0, 16)} UTC.`,
    );
  }

  private async tell(
    event: ApplicantRecipient & { applicationId: string; applicationNumber: string; positionTitle: string },
    key: string,
    headline: string,
    detail: string | undefined,
  ): Promise<void> {
    const url = `${this.config.get('PUBLIC_BASE_URL').replace(/\/+$/, '')}/careers/applications/${event.applicationId}`;
    const variables = {
      name: event.applicantName,
      applicationNumber: event.applicationNumber,
      positionTitle: event.positionTitle,
      headline,
      detail,
      url,
    };
    if (event.applicantId) {
      await this.notify.notify(systemContext(key), event.applicantId, {
        type: 'careers',
        title: `${event.positionTitle}: ${headline}`,
        body: detail ?? `Application ${event.applicationNumber}`,
        channels: ['email'],
        actions: [{ label: 'View the application', url }],
        email: { template: 'careers-application-update', variables },
        dedupeKey: key,
      });
    } else {
      await this.mail.enqueue(systemContext(key), {
        to: event.applicantEmail,
        template: 'careers-application-update',
        variables,
        idempotencyKey: key,
      });
    }
  }
}
