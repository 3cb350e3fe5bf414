/** Events marketing publishes; the mail side sends the confirmation email from the first. */
export const MarketingEvents = {
  /** A sign-up (or a new one after unsubscribing) waits for its address to be confirmed. */
  captureRequested: 'marketing.capture-requested',
} as const;

/** Everything the confirmation email needs; the effect key is unique per address and day (one mail a day at most). */
export type CaptureRequestedEvent = {
  captureId: string;
  email: string;
  confirmUrl: string;
  /** ISO time the link stops working. */
  confirmBy: string;
};

declare module '../../core/events/event-catalogue.js' {
  interface EventCatalogue {
    'marketing.capture-requested': CaptureRequestedEvent;
  }
}
