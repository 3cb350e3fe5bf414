/** The notifications careers' events become: every change to an application, interviews and offers included. */
export const CAREERS_NOTIFICATION_TYPES = {
  careers: {},
};
