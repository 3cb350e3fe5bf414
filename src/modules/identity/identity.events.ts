/** Events identity publishes; notifications sends the welcome and security emails from them. */
export const IdentityEvents = {
  registered: 'user.registered',
  passwordChanged: 'user.password-changed',
  /** An owed effect per subscriber: each context erases the personal data it keeps of the user. */
  deleted: 'user.deleted',
} as const;

export interface UserEvent {
  userId: string;
}

/** The address is the user's former one, for data keyed by address (email captures); it lives only until the erasure ran. */
export interface UserDeletedEvent {
  userId: string;
  email: string;
}

declare module '../../core/events/event-catalogue.js' {
  interface EventCatalogue {
    'user.deleted': UserDeletedEvent;
  }
}
