/**
 * Every event name and its payload type. Each module adds its own events from its `<context>.events.ts`:
 *
 *   declare module '../../core/events/event-catalogue.js' {
 *     interface EventCatalogue { 'payment.succeeded': PaymentEvent }
 *   }
 *
 * Listeners import the payload type from that file; nobody declares it twice.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EventCatalogue {}

export type EventName = keyof EventCatalogue;
export type EventPayload<N extends EventName> = EventCatalogue[N];
