import { defineLifecycle } from '../../core/lifecycle/index.js';
import { DELIVERY_STATUSES, type DeliveryStatus } from './schemas/webhook-delivery.schema.js';

/**
 * pending → delivered on a 2xx; pending → failed when the last attempt fails; a manager's redelivery
 * puts a delivered or failed delivery back to pending (a new round of attempts). Retries stay pending.
 * The sender's moves are compare-and-set on `status: 'pending'` with its lease in the same update.
 */
export const deliveryLifecycle = defineLifecycle<DeliveryStatus>({
  resource: 'webhook delivery',
  states: DELIVERY_STATUSES,
  initial: 'pending',
  moves: [
    { from: 'pending', to: 'delivered', by: ['system'] },
    { from: 'pending', to: 'failed', by: ['system'] },
    { from: 'delivered', to: 'pending', by: ['owner', 'staff'] },
    { from: 'failed', to: 'pending', by: ['owner', 'staff'] },
  ],
});
