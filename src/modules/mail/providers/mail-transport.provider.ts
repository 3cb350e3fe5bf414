import { resolve } from 'node:path';
import { adapterProvider } from '../../../core/adapters/adapter-provider.js';
import { AppConfig } from '../../../core/config/app-config.js';
import { MailConfig } from '../mail.config.js';
import { EmlFileTransport } from './eml-file.transport.js';
import { MAIL_TRANSPORT, type MailTransport } from './mail-transport.js';
import { SmtpTransport } from './smtp.transport.js';

/** SMTP when SMTP_URL is set; otherwise .eml files under DATA_DIR/mail. */
export const mailTransportProvider = adapterProvider<MailTransport, [MailConfig, AppConfig]>({
  port: MAIL_TRANSPORT,
  name: 'mail transport',
  inject: [MailConfig, AppConfig],
  vendor: (mail) => (mail.SMTP_URL ? new SmtpTransport(mail.SMTP_URL, mail.MAIL_FROM, mail.EMAIL_CONCURRENCY * 2) : undefined),
  embedded: (mail, app) => new EmlFileTransport(resolve(app.get('DATA_DIR'), 'mail'), mail.MAIL_FROM),
});
