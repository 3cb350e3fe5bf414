import { defineLifecycle } from '../../core/lifecycle/index.js';

export const INVITE_STATUSES = ['pending', 'accepted', 'revoked', 'expired'] as const;
export type InviteStatus = (typeof INVITE_STATUSES)[number];

/**
 * An invite to a tenant. Triggers: `owner` is the invitee (who holds the token), `participant` a
 * manager of the tenant (owner or admin), `staff` the platform's staff, `system` the expiry sweep.
 * A resend renews a pending or expired invite; accepted and revoked ones are final.
 */
export const INVITE_LIFECYCLE = defineLifecycle<InviteStatus>({
  resource: 'invite',
  states: INVITE_STATUSES,
  initial: 'pending',
  moves: [
    { from: 'pending', to: 'accepted', by: ['owner'] },
    { from: 'pending', to: 'revoked', by: ['participant', 'staff'] },
    { from: 'pending', to: 'expired', by: ['system'] },
    { from: 'expired', to: 'pending', by: ['participant', 'staff'] },
    { from: 'expired', to: 'revoked', by: ['participant', 'staff'] },
  ],
});
