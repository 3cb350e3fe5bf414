export const CONSULTATION_TYPES = [
  'enterprise-demo',
  'onboarding',
  'integration',
  'custom-agent',
  'training',
  'strategy',
  'support-escalation',
] as const;
export type ConsultationType = (typeof CONSULTATION_TYPES)[number];

export const COMPANY_SIZES = ['1-10', '11-50', '51-200', '201-1000', '1001-5000', '5000+'] as const;
export type CompanySize = (typeof COMPANY_SIZES)[number];

export const BUDGET_RANGES = ['under-10k', '10k-50k', '50k-100k', '100k-500k', '500k+', 'undecided'] as const;
export type BudgetRange = (typeof BUDGET_RANGES)[number];

export const PROJECT_TIMELINES = ['asap', '1-3-months', '3-6-months', '6-12-months', 'exploring'] as const;
export type ProjectTimeline = (typeof PROJECT_TIMELINES)[number];

export const MEETING_PROVIDERS = ['zoom', 'google-meet', 'teams', 'webex', 'phone', 'other'] as const;
export type MeetingProvider = (typeof MEETING_PROVIDERS)[number];

/** How far ahead a consultation may be booked. */
export const MAX_BOOKING_DAYS = 365;
