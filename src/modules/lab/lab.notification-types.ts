/** The notifications lab runs become: a long run finished. */
export const LAB_NOTIFICATION_TYPES = {
  'lab-experiment': {},
};
