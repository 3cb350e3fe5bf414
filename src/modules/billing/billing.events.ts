/** Events billing publishes; other contexts (notifications, analytics) listen without billing knowing them. */
export const BillingEvents = {
  paymentSucceeded: 'payment.succeeded',
  paymentFailed: 'payment.failed',
  paymentRefunded: 'payment.refunded',
  subscriptionChanged: 'subscription.changed',
} as const;

export interface PaymentEvent {
  transactionId: string;
  userId: string;
  amount: number;
  currency: string;
  status: string;
}
