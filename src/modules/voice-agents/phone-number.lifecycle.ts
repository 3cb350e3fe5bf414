import { defineLifecycle } from '../../core/lifecycle/index.js';

export const PHONE_NUMBER_STATUSES = ['active', 'suspended', 'released'] as const;
export type PhoneNumberStatus = (typeof PHONE_NUMBER_STATUSES)[number];

/**
 * A number rings while active, is suspended (by the tenant, or when the carrier bills fail) and reactivated,
 * and is released back to the carrier for good. Only an active number places or answers calls.
 */
export const phoneNumberLifecycle = defineLifecycle<PhoneNumberStatus>({
  resource: 'phone number',
  states: PHONE_NUMBER_STATUSES,
  initial: 'active',
  moves: [
    { from: 'active', to: 'suspended', by: ['owner', 'staff', 'system'] },
    { from: 'suspended', to: 'active', by: ['owner', 'staff'] },
    { from: 'active', to: 'released', by: ['owner', 'staff', 'system'] },
    { from: 'suspended', to: 'released', by: ['owner', 'staff', 'system'] },
  ],
});
