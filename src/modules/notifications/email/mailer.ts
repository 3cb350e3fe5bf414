import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { AppConfig } from '../../../core/config/app-config.js';

export interface OutgoingEmail {
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
}

/**
 * Sends through nodemailer: SMTP_URL when set; otherwise each message is written as an .eml file
 * under DATA_DIR/mail and its path logged, so nothing leaves a development machine.
 */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly logger = new Logger(Mailer.name);
  private readonly transport: Transporter;
  private readonly outbox?: string;

  constructor(private readonly config: AppConfig) {
    const smtp = config.get('SMTP_URL');
    if (smtp) {
      // Pooled connections: one SMTP handshake per connection, not per message.
      const url = new URL(smtp);
      url.searchParams.set('pool', 'true');
      url.searchParams.set('maxConnections', String(config.get('EMAIL_CONCURRENCY') * 2));
      this.transport = nodemailer.createTransport(url.toString(), { from: config.get('MAIL_FROM') });
    } else {
      this.outbox = resolve(config.get('DATA_DIR'), 'mail');
      this.transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    }
  }

  async send(email: OutgoingEmail): Promise<string> {
    const info = await this.transport.sendMail({ from: this.config.get('MAIL_FROM'), ...email });
    if (this.outbox) {
      await mkdir(this.outbox, { recursive: true });
      const file = join(this.outbox, `${Date.now()}-${String(info.messageId).replace(/[^A-Za-z0-9.@-]/g, '')}.eml`);
      await writeFile(file, (info as unknown as { message: Buffer }).message);
      this.logger.log(`email to ${email.to} written to ${file}`);
    }
    return String(info.messageId);
  }

  /** Pooled SMTP connections are closed with the application. */
  onModuleDestroy(): void {
    this.transport.close();
  }
}
