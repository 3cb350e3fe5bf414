// Payloads are type aliases (the relay stores them as plain records); field names stay unique across the catalogue.

export const REMINDER_KINDS = ['24h', '1h'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Who a webinar notice goes to and what it is about. */
export type WebinarNotice = {
  registrationId: string;
  webinarId: string;
  webinarTitle: string;
  /** ISO 8601, UTC; shown in `webinarTimezone`. */
  webinarStartsAt: string;
  webinarTimezone: string;
  registrantEmail: string;
  registrantName: string;
  /** The account the registered address belongs to, when there is one. */
  registrantId?: string;
};

/** A seat freed up and went to this waitlisted registration. */
export type WebinarPromotedEvent = WebinarNotice;

/** The webinar starts in 24 hours or in one hour. */
export type WebinarReminderEvent = WebinarNotice & { reminderKind: ReminderKind };

/** Staff canceled the webinar this registration was for. */
export type WebinarCanceledEvent = WebinarNotice;

declare module '../../core/events/event-catalogue.js' {
  interface EventCatalogue {
    'webinars.registration-promoted': WebinarPromotedEvent;
    'webinars.reminder': WebinarReminderEvent;
    'webinars.webinar-canceled': WebinarCanceledEvent;
  }
}
