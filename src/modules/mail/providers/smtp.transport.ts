import nodemailer, { type Transporter } from 'nodemailer';
import type { MailTransport, OutgoingEmail } from './mail-transport.js';

/** The vendor adapter: nodemailer's pooled SMTP transport (one handshake per connection, not per message). */
export class SmtpTransport implements MailTransport {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    maxConnections: number,
  ) {
    const url = new URL(smtpUrl);
    url.searchParams.set('pool', 'true');
    url.searchParams.set('maxConnections', String(maxConnections));
    this.transport = nodemailer.createTransport(url.toString(), { from });
  }

  async send(email: OutgoingEmail): Promise<string> {
    const info = await this.transport.sendMail({ from: this.from, ...email });
    return String(info.messageId);
  }

  close(): void {
    this.transport.close();
  }
}
