/** Events identity publishes; notifications sends the welcome and security emails from them. */
export const IdentityEvents = {
  registered: 'user.registered',
  passwordChanged: 'user.password-changed',
} as const;

export interface UserEvent {
  userId: string;
}
