/** Notifications' public surface: the module, the service that notifies users, and the shapes of notification types. */
export { NotificationsModule } from './notifications.module.js';
export type { NotifyRequest, NotifyService } from './notify.service.js';
export type { NotificationTypeOptions, NotificationTypeTable } from './notification-types.js';
