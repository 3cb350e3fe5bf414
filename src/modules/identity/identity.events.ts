/** Events identity publishes, each owed through the relay with the change that raises it. */
export const IdentityEvents = {
  /** Notifications sends the welcome email. */
  registered: 'user.registered',
  /** Notifications warns the owner (the other devices were signed out). */
  passwordChanged: 'user.password-changed',
  /** An admin deactivated the account; it keeps its data and receives nothing until reactivated. */
  deactivated: 'user.deactivated',
  reactivated: 'user.reactivated',
  /** Each context erases the personal data it keeps of the user. */
  deleted: 'user.deleted',
} as const;

/** Who registered, with what the welcome needs, so it can be sent without asking identity again. */
export type UserRegisteredEvent = {
  userId: string;
  email: string;
  name: string;
  locale: string;
};

export type UserPasswordChangedEvent = {
  userId: string;
  /** When it changed, for the wording of the security notice. */
  changedAt: string;
};

export type UserDeactivatedEvent = {
  userId: string;
  /** The admin who deactivated it. */
  byUserId: string;
  reason?: string;
};

export type UserReactivatedEvent = {
  userId: string;
  byUserId: string;
};

/** The address is the user's former one, for data keyed by address (email captures); it lives only until the erasure ran. */
export type UserDeletedEvent = {
  userId: string;
  email: string;
};

declare module '../../core/events/event-catalogue.js' {
  interface EventCatalogue {
    'user.registered': UserRegisteredEvent;
    'user.password-changed': UserPasswordChangedEvent;
    'user.deactivated': UserDeactivatedEvent;
    'user.reactivated': UserReactivatedEvent;
    'user.deleted': UserDeletedEvent;
  }
}
