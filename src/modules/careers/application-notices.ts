import { Types } from 'mongoose';
import type { EffectRequest, EffectsRelay } from '../../core/events/index.js';
import type { ApplicationStatus } from './application.lifecycle.js';
import type { ApplicantRecipient } from './careers.events.js';
import type { JobApplication } from './schemas/job-application.schema.js';

/** Who hears about an application: the applicant's account when they applied signed in, their address in any case. */
export function recipientOf(application: JobApplication): ApplicantRecipient {
  return {
    applicantId: application.applicant.userId?.toString(),
    applicantEmail: application.applicant.email,
    applicantName: application.applicant.name,
  };
}

const refOf = (application: JobApplication) => ({
  ...recipientOf(application),
  applicationId: application._id.toString(),
  applicationNumber: application.applicationId,
  positionTitle: application.position.title,
});

/** What a stage change owes: the applicant is told, once per change (the key names this change). */
export function statusChangeEffects(
  relay: EffectsRelay,
  application: JobApplication,
  to: ApplicationStatus,
  reason?: string,
): EffectRequest[] {
  return relay.owe(
    'careers.application-status-changed',
    { ...refOf(application), applicationStatus: to, statusReason: reason },
    `application-status:${application._id.toString()}:${new Types.ObjectId().toString()}`,
  );
}

export function interviewEffects(
  relay: EffectsRelay,
  application: JobApplication,
  interview: { id: string; kind: string; scheduledAt: Date; durationMinutes: number },
): EffectRequest[] {
  return relay.owe(
    'careers.interview-scheduled',
    {
      ...refOf(application),
      interviewId: interview.id,
      interviewKind: interview.kind,
      interviewAt: interview.scheduledAt.toISOString(),
      interviewMinutes: interview.durationMinutes,
    },
    `application-interview:${interview.id}`,
  );
}

export function offerEffects(relay: EffectsRelay, application: JobApplication, expiresAt: Date): EffectRequest[] {
  return relay.owe(
    'careers.offer-made',
    { ...refOf(application), offerExpiresAt: expiresAt.toISOString() },
    `application-offer:${application._id.toString()}:${new Types.ObjectId().toString()}`,
  );
}
