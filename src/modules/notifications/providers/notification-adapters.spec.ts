import { describe, expect, it } from 'vitest';
import { NotificationsConfig } from '../notifications.config.js';
import { LogPushSender } from './log-push.sender.js';
import { LogSmsSender } from './log-sms.sender.js';
import { pushSenderProvider, smsSenderProvider } from './notification-adapters.js';
import { WebPushSender } from './web-push.sender.js';

const config = (keys: Partial<NotificationsConfig>) => Object.assign(new NotificationsConfig(), keys);

describe('notification adapters, chosen by configuration', () => {
  it('sends Web Push through web-push only with both VAPID keys, and logs otherwise', () => {
    const keys = { VAPID_PUBLIC_KEY: 'public', VAPID_PRIVATE_KEY: 'private' };
    expect(pushSenderProvider.useFactory(config(keys))).toBeInstanceOf(WebPushSender);
    expect(pushSenderProvider.useFactory(config({ VAPID_PUBLIC_KEY: 'public' }))).toBeInstanceOf(LogPushSender);
    expect(pushSenderProvider.useFactory(config({}))).toBeInstanceOf(LogPushSender);
  });

  it('logs text messages: no SMS gateway is integrated', () => {
    expect(smsSenderProvider.useFactory()).toBeInstanceOf(LogSmsSender);
  });
});
