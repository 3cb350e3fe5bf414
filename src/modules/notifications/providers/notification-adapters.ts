import { adapterProvider } from '../../../core/adapters/adapter-provider.js';
import { NotificationsConfig } from '../notifications.config.js';
import { LogPushSender } from './log-push.sender.js';
import { LogSmsSender } from './log-sms.sender.js';
import { PUSH_SENDER, type PushSender } from './push-sender.js';
import { SMS_SENDER, type SmsSender } from './sms-sender.js';
import { WebPushSender } from './web-push.sender.js';

/** Web Push when both VAPID keys are set; otherwise pushes are logged. */
export const pushSenderProvider = adapterProvider<PushSender, [NotificationsConfig]>({
  port: PUSH_SENDER,
  name: 'web push',
  inject: [NotificationsConfig],
  vendor: ({ VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey, VAPID_SUBJECT: subject }) =>
    publicKey && privateKey ? new WebPushSender({ subject, publicKey, privateKey }) : undefined,
  embedded: () => new LogPushSender(),
});

/** No SMS gateway is integrated: texts are logged until a vendor adapter on its SDK is added here. */
export const smsSenderProvider = adapterProvider<SmsSender, []>({
  port: SMS_SENDER,
  name: 'sms',
  vendor: () => undefined,
  embedded: () => new LogSmsSender(),
});
