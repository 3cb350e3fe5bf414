/** The notifications identity's events become; security notices are critical (they reach the user whatever the settings). */
export const IDENTITY_NOTIFICATION_TYPES = {
  security: { critical: true },
};
