import { Logger } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { MailTransport, OutgoingEmail } from './mail-transport.js';

/**
 * The embedded adapter: each message is rendered by nodemailer exactly as SMTP would carry it and
 * written as an .eml file (openable in any mail client), so nothing leaves a development machine.
 */
export class EmlFileTransport implements MailTransport {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

  constructor(
    private readonly outbox: string,
    private readonly from: string,
  ) {}

  async send(email: OutgoingEmail): Promise<string> {
    const info = await this.transport.sendMail({ from: this.from, ...email });
    await mkdir(this.outbox, { recursive: true });
    const file = join(this.outbox, `${Date.now()}-${String(info.messageId).replace(/[^A-Za-z0-9.@-]/g, '')}.eml`);
    await writeFile(file, (info as unknown as { message: Buffer }).message);
    this.logger.log(`email to ${email.to} written to ${file}`);
    return String(info.messageId);
  }

  close(): void {
    this.transport.close();
  }
}
