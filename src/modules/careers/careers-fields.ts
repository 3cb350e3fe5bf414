/** How a posting is staffed; the public list filters by it. */
export const EMPLOYMENT_TYPES = ['full-time', 'part-time', 'contract', 'internship', 'temporary'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

/** A posting takes applications only while open. */
export const POSTING_STATES = ['open', 'closed'] as const;
export type PostingState = (typeof POSTING_STATES)[number];

export const INTERVIEW_KINDS = ['phone', 'video', 'onsite', 'technical', 'panel'] as const;
export type InterviewKind = (typeof INTERVIEW_KINDS)[number];

/** ISO 4217 codes offers may be made in. */
export const OFFER_CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'CAD', 'AUD', 'SEK', 'PLN'] as const;
export type OfferCurrency = (typeof OFFER_CURRENCIES)[number];

export const MAX_URL_LENGTH = 2048;
export const MAX_APPLICANT_LINKS = 5;
export const MAX_INTERVIEWERS = 10;
/** Caps that keep one application document bounded; the guarded pushes refuse beyond them. */
export const MAX_INTERVIEWS_PER_APPLICATION = 20;
export const MAX_NOTES_PER_APPLICATION = 200;

/** `APP-2026-000123`: the number applicants quote. */
/** An application's number as a path may give it instead of its id. */
export const APPLICATION_NUMBER_PATTERN = 'APP-[0-9]{4}-[0-9]{6,12}';
export const formatApplicationNumber = (year: number, value: number) => `APP-${year}-${String(value).padStart(6, '0')}`;
export const applicationCounterName = (year: number) => `job-application:${year}`;

/** While an application is active it holds its posting and address; a finished one frees them for a new application. */
export const activeKeyOf = (postingId: string, email: string) => `${postingId}:${email.toLowerCase()}`;
export const releasedKeyOf = (applicationId: string) => `released:${applicationId}`;
