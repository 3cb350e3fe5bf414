/** Who a text goes to: the user, and their E.164 number when their profile has one. */
export interface SmsRecipient {
  userId: string;
  phone?: string;
}

/** The boundary to an SMS gateway; throws when the message was not accepted. */
export interface SmsSender {
  send(to: SmsRecipient, text: string): Promise<void>;
}

export const SMS_SENDER = Symbol('SMS_SENDER');
