import type { ApplicationStatus } from './application.lifecycle.js';

// Payloads are type aliases, and field names stay distinct from other contexts' payloads (`applicationStatus`, not `status`).

/** Who hears about an application: the applicant's account when they applied signed in, their address always. */
export type ApplicantRecipient = {
  applicantId?: string;
  applicantEmail: string;
  applicantName: string;
};

type ApplicationRef = ApplicantRecipient & {
  applicationId: string;
  applicationNumber: string;
  positionTitle: string;
};

/** The application moved to another stage (staff, the applicant's own withdrawal or answer to an offer). */
export type ApplicationStatusChangedEvent = ApplicationRef & {
  applicationStatus: ApplicationStatus;
  statusReason?: string;
};

/** Staff scheduled an interview. */
export type InterviewScheduledEvent = ApplicationRef & {
  interviewId: string;
  interviewKind: string;
  /** ISO 8601, UTC. */
  interviewAt: string;
  interviewMinutes: number;
};

/** Staff made an offer; it must be answered before it expires. */
export type OfferMadeEvent = ApplicationRef & {
  /** ISO 8601, UTC. */
  offerExpiresAt: string;
};

declare module '../../core/events/event-catalogue.js' {
  interface EventCatalogue {
    'careers.application-status-changed': ApplicationStatusChangedEvent;
    'careers.interview-scheduled': InterviewScheduledEvent;
    'careers.offer-made': OfferMadeEvent;
  }
}
