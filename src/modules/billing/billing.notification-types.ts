/** The notifications billing's events become; receipts are critical (they reach the payer whatever the settings). */
export const BILLING_NOTIFICATION_TYPES = {
  payment: { critical: true },
};
