import { Injectable, type OnModuleInit } from '@nestjs/common';
import { systemContext } from '../../../core/auth/request-context.js';
import { EffectsRelay } from '../../../core/events/index.js';
import {
  IDENTITY_NOTIFICATION_TYPES,
  type UserDeletedEvent,
  type UserPasswordChangedEvent,
  type UserRegisteredEvent,
} from '../../identity/index.js';
import { MailService } from '../../mail/index.js';
import { NotificationTypes } from '../notification-type-registry.js';
import { NotificationsService } from '../notifications.service.js';
import { NotifyService } from '../notify.service.js';
import { PushService } from '../push.service.js';
import { SettingsService } from '../settings.service.js';

/**
 * What identity's owed effects ask of notifications: the welcome, the security notice after a
 * password change (keyed by the effect, so sent once), and erasing what it keeps of a deleted user.
 */
@Injectable()
export class IdentityListeners implements OnModuleInit {
  constructor(
    private readonly relay: EffectsRelay,
    private readonly notify: NotifyService,
    private readonly notifications: NotificationsService,
    private readonly settings: SettingsService,
    private readonly push: PushService,
    private readonly mail: MailService,
    types: NotificationTypes,
  ) {
    // In the constructor, not onModuleInit: the API document, built before that, lists the types.
    types.register(IDENTITY_NOTIFICATION_TYPES);
  }

  onModuleInit(): void {
    this.mail.templates.require('notifications', 'welcome', 'password-changed');
    this.relay.on('user.registered', 'notifications', (event, key) => this.registered(event, key));
    this.relay.on('user.password-changed', 'notifications', (event, key) => this.passwordChanged(event, key));
    this.relay.on('user.deleted', 'notifications', (event, key) => this.erase(event, key));
  }

  private async registered(event: UserRegisteredEvent, key: string): Promise<void> {
    await this.notify.notify(systemContext(key), event.userId, {
      type: 'system',
      title: 'Welcome to Atrium',
      body: 'Your account is ready.',
      channels: ['email'],
      email: { template: 'welcome', variables: {} },
      dedupeKey: key,
    });
  }

  private async passwordChanged(event: UserPasswordChangedEvent, key: string): Promise<void> {
    await this.notify.notify(systemContext(key), event.userId, {
      type: 'security',
      title: 'Password changed',
      body: 'Your password was changed and your other devices were signed out.',
      priority: 'high',
      channels: ['email', 'push'],
      email: { template: 'password-changed', variables: {} },
      dedupeKey: key,
    });
  }

  /** Notifications, settings and push subscriptions of a deleted account; idempotent. */
  private async erase({ userId }: UserDeletedEvent, key: string): Promise<void> {
    const ctx = systemContext(key);
    await Promise.all([this.notifications.eraseUser(ctx, userId), this.settings.eraseUser(ctx, userId), this.push.eraseUser(ctx, userId)]);
  }
}
