import { defineLifecycle } from '../../core/lifecycle/index.js';

export const ACCOUNT_STATUSES = ['active', 'deactivated', 'deleted'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/**
 * An admin deactivates and reactivates (the admin route: trigger `staff`); only the owner deletes,
 * and only an active account. Deletion is final: the record stays as an anonymous tombstone.
 */
export const accountLifecycle = defineLifecycle<AccountStatus>({
  resource: 'account',
  states: ACCOUNT_STATUSES,
  initial: 'active',
  moves: [
    { from: 'active', to: 'deactivated', by: ['staff'] },
    { from: 'deactivated', to: 'active', by: ['staff'] },
    { from: 'active', to: 'deleted', by: ['owner'] },
  ],
});
