/** The notifications the desk's events become: replies on a ticket, and other desk notices (status, assignment, consultations). */
export const SUPPORT_NOTIFICATION_TYPES = {
  'ticket-reply': {},
  support: {},
};
