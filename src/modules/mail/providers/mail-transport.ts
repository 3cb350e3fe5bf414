/** One rendered message on its way out. */
export interface OutgoingEmail {
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
}

/** The boundary to whatever carries mail: answers the message id, throws when it was not accepted. */
export interface MailTransport {
  send(email: OutgoingEmail): Promise<string>;
  /** Releases pooled connections; called once, when the application shuts down. */
  close(): void;
}

export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');
