/** A browser's Web Push subscription, as the Push API hands it over. */
export interface PushTarget {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export interface PushMessage {
  title: string;
  body: string;
  url?: string;
}

/**
 * The boundary to the browsers' push services. `gone` means the push service forgot the subscription
 * (404/410) and it should be removed; any other failure throws.
 */
export interface PushSender {
  send(target: PushTarget, message: PushMessage): Promise<'delivered' | 'gone'>;
}

export const PUSH_SENDER = Symbol('PUSH_SENDER');
