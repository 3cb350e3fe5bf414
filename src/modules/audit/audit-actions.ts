/**
 * Every action the audit log knows, `<resource>.<verb>`. One typed list so a caller cannot misspell
 * an action and a reader can filter by a prefix (`tenant.`) knowing what exists.
 */
export const AUDIT_ACTIONS = [
  // identity: what staff and admins do to accounts
  'user.role-changed',
  'user.status-changed',
  'session.revoked',
  // billing
  'refund.issued',
  'refund.approved',
  'refund.rejected',
  'subscription.updated',
  'payment.transitioned',
  // support
  'ticket.transitioned',
  'ticket.assigned',
  'ticket.note-added',
  // consultations: staff confirm, reschedule, complete, cancel or mark a no-show
  'consultation.transitioned',
  // careers: staff move applications through the pipeline, assign and annotate them, schedule interviews, make and withdraw offers
  'application.transitioned',
  'application.reviewer-assigned',
  'application.note-added',
  'application.interview-scheduled',
  'application.offer-made',
  'application.offer-withdrawn',
  // careers: applicants' personal data leaving the system
  'application.exported',
  // webinars: staff move webinars along their lifecycle, cancel registrations and export them
  'webinar.transitioned',
  'webinar-registration.canceled',
  'webinar-registration.exported',
  // suggestions: staff move suggestions along their lifecycle, note the work and moderate the board
  'suggestion.transitioned',
  'suggestion.implementation-updated',
  'suggestion.hidden',
  'suggestion.shown',
  'suggestion-comment.hidden',
  'suggestion-comment.shown',
  // skills: staff curate the catalogue
  'skill.created',
  'skill.updated',
  'skill.deleted',
  // notifications and mail
  'notification.sent',
  'notification.broadcast',
  'email.requeued',
  // marketing: personal data leaving the system
  'email-capture.exported',
  // jobs
  'job.run-requested',
  // tenancy
  'tenant.created',
  'tenant.updated',
  'tenant.closed',
  'membership.added',
  'membership.role-changed',
  'membership.removed',
  'ownership.transferred',
  'invite.created',
  'invite.revoked',
  'invite.accepted',
  'invite.resent',
  'team.created',
  'team.updated',
  'team.deleted',
  'team.member-added',
  'team.member-removed',
  'team.member-role-changed',
  // entitlements
  'plan.created',
  'plan.updated',
  'plan-feature.set',
  'feature.created',
  'feature.updated',
  'override.set',
  'override.removed',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

const KNOWN: ReadonlySet<string> = new Set(AUDIT_ACTIONS);

export const isAuditAction = (value: string): value is AuditAction => KNOWN.has(value);
