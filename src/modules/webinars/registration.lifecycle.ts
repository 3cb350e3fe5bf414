import { defineLifecycle } from '../../core/lifecycle/index.js';

export const REGISTRATION_STATUSES = ['confirmed', 'waitlisted', 'attended', 'canceled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** Registrations that hold a seat. */
export const SEATED_STATUSES: readonly RegistrationStatus[] = ['confirmed', 'attended'];

/**
 * A registration holds a seat (confirmed) or waits for one (waitlisted); the system promotes the
 * first waitlisted one when a seat frees up. The registrant, or staff, may cancel before attending;
 * joining the webinar the first time makes it attended, which is final.
 */
export const registrationLifecycle = defineLifecycle<RegistrationStatus>({
  resource: 'registration',
  states: REGISTRATION_STATUSES,
  initial: 'confirmed',
  moves: [
    { from: 'waitlisted', to: 'confirmed', by: ['system'] },
    { from: 'waitlisted', to: 'canceled', by: ['owner', 'staff'] },
    { from: 'confirmed', to: 'canceled', by: ['owner', 'staff'] },
    { from: 'confirmed', to: 'attended', by: ['owner'] },
  ],
});
