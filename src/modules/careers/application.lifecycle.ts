import { defineLifecycle, type Move, type Trigger } from '../../core/lifecycle/index.js';

/** The hiring pipeline's thirteen stages. */
export const APPLICATION_STATUSES = [
  'submitted',
  'screening',
  'assessment',
  'phone_interview',
  'technical_interview',
  'onsite_interview',
  'reference_check',
  'offer_extended',
  'offer_accepted',
  'hired',
  'offer_declined',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Stages that end an application: it frees its (posting, address) for a new one. */
export const FINAL_APPLICATION_STATUSES: readonly ApplicationStatus[] = ['hired', 'offer_declined', 'rejected', 'withdrawn'];

/** Stages staff move forward by hand; the offer stage is entered only by making an offer, and left by the applicant's answer. */
const FORWARD: [ApplicationStatus, ApplicationStatus[]][] = [
  ['submitted', ['screening']],
  ['screening', ['assessment', 'phone_interview']],
  ['assessment', ['phone_interview', 'technical_interview']],
  ['phone_interview', ['technical_interview', 'onsite_interview']],
  ['technical_interview', ['onsite_interview', 'reference_check']],
  ['onsite_interview', ['reference_check', 'offer_extended']],
  ['reference_check', ['offer_extended']],
];

const staff: Trigger[] = ['staff'];
const owner: Trigger[] = ['owner'];

/**
 * Staff walk an application forward and may reject it at any open stage; the applicant may withdraw
 * at any open stage and answers an offer; staff mark an accepted offer hired. Final stages have no way out.
 */
export const applicationLifecycle = defineLifecycle<ApplicationStatus>({
  resource: 'job application',
  states: APPLICATION_STATUSES,
  initial: 'submitted',
  moves: [
    ...FORWARD.flatMap(([from, tos]): Move<ApplicationStatus>[] => [
      ...tos.map((to) => ({ from, to, by: staff })),
      { from, to: 'rejected', by: staff },
      { from, to: 'withdrawn', by: owner },
    ]),
    { from: 'offer_extended', to: 'offer_accepted', by: owner },
    { from: 'offer_extended', to: 'offer_declined', by: owner },
    { from: 'offer_extended', to: 'rejected', by: staff },
    { from: 'offer_extended', to: 'withdrawn', by: owner },
    { from: 'offer_accepted', to: 'hired', by: staff },
    { from: 'offer_accepted', to: 'withdrawn', by: owner },
  ],
});
