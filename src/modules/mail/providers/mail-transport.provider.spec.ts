import { describe, expect, it } from 'vitest';
import type { AppConfig } from '../../../core/config/app-config.js';
import { MailConfig } from '../mail.config.js';
import { EmlFileTransport } from './eml-file.transport.js';
import { mailTransportProvider } from './mail-transport.provider.js';
import { SmtpTransport } from './smtp.transport.js';

const app = { get: () => './.data' } as unknown as AppConfig;
const mail = (smtp?: string) => Object.assign(new MailConfig(), { SMTP_URL: smtp });

describe('the mail transport, chosen by configuration', () => {
  it('sends through pooled SMTP when SMTP_URL is set', () => {
    const transport = mailTransportProvider.useFactory(mail('smtp://127.0.0.1:2525'), app);
    expect(transport).toBeInstanceOf(SmtpTransport);
    (transport as SmtpTransport).close();
  });

  it('writes .eml files otherwise', () => {
    expect(mailTransportProvider.useFactory(mail(), app)).toBeInstanceOf(EmlFileTransport);
  });
});
