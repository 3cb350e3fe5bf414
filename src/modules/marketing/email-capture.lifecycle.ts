import { defineLifecycle } from '../../core/lifecycle/index.js';

export const CAPTURE_STATUSES = ['pending', 'confirmed', 'unsubscribed'] as const;
export type CaptureStatus = (typeof CAPTURE_STATUSES)[number];

/**
 * Double opt-in. Every move is the address holder's (`owner`): the links prove it, and the sign-up form
 * only ever asks for a confirmation. A confirmed address stays confirmed when the form is sent again;
 * after unsubscribing, only a new sign-up (and its confirmation) brings the address back.
 */
export const emailCaptureLifecycle = defineLifecycle<CaptureStatus>({
  resource: 'email capture',
  states: CAPTURE_STATUSES,
  initial: 'pending',
  moves: [
    { from: 'pending', to: 'confirmed', by: ['owner'] },
    { from: 'pending', to: 'unsubscribed', by: ['owner'] },
    { from: 'confirmed', to: 'unsubscribed', by: ['owner'] },
    { from: 'unsubscribed', to: 'pending', by: ['owner'] },
  ],
});
