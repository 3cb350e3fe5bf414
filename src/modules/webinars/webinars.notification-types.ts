/** The notifications webinars send: registration, promotion from the waitlist, reminders and cancellations. */
export const WEBINARS_NOTIFICATION_TYPES = {
  webinar: {},
};
