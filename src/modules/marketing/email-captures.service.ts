import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { AppConfig } from '../../core/config/app-config.js';
import type { ClientInfo } from '../../core/http/client-info.js';
import { iso } from '../../core/http/serialize.js';
import { toPage, type Page } from '../../core/http/pagination.js';
import { EmailQueueService } from '../notifications/email/email-queue.service.js';
import { signCaptureToken, verifyCaptureToken, type CapturePurpose } from './capture-tokens.js';
import type { CreateEmailCaptureDto, EmailCaptureDto, EmailCaptureQueryDto } from './dto/email-capture.dto.js';
import { EmailCapture, type CaptureStatus } from './schemas/email-capture.schema.js';

const CONFIRM_TTL_MS = 7 * 86_400_000;

@Injectable()
export class EmailCapturesService {
  constructor(
    @InjectModel(EmailCapture.name) private readonly captures: Model<EmailCapture>,
    private readonly emails: EmailQueueService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Double opt-in: the address is stored as pending and a signed confirmation link is mailed.
   * A confirmed address stays confirmed; the answer is the same either way.
   */
  async capture(input: CreateEmailCaptureDto, client: ClientInfo): Promise<void> {
    const capture = await this.captures
      .findOneAndUpdate(
        { email: input.email },
        { $setOnInsert: { email: input.email, source: input.source, status: 'pending', ip: client.ip, userAgent: client.userAgent } },
        { upsert: true, returnDocument: 'after' },
      )
      .lean<EmailCapture>();
    if (!capture || capture.status === 'confirmed') return;
    if (capture.status === 'unsubscribed') await this.captures.updateOne({ _id: capture._id }, { $set: { status: 'pending' } });
    const id = capture._id.toString();
    const base = this.config.get('PUBLIC_BASE_URL');
    const token = signCaptureToken(this.config.get('JWT_SECRET'), 'confirm', id, new Date(Date.now() + CONFIRM_TTL_MS));
    // One confirmation mail per address per day, however often the form is sent.
    await this.emails.enqueue({
      to: capture.email,
      template: 'email-confirm',
      variables: { confirmUrl: `${base}/api/email-captures/confirm?token=${encodeURIComponent(token)}` },
      idempotencyKey: `email-capture:${id}:confirm:${new Date().toISOString().slice(0, 10)}`,
    });
  }

  confirm(token: string): Promise<CaptureStatus> {
    return this.apply('confirm', token, { status: 'confirmed', confirmedAt: new Date() });
  }

  unsubscribe(token: string): Promise<CaptureStatus> {
    return this.apply('unsubscribe', token, { status: 'unsubscribed', unsubscribedAt: new Date() });
  }

  /** The one-click unsubscribe link for a confirmed address (put in every marketing email). */
  unsubscribeUrl(id: string): string {
    return `${this.config.get('PUBLIC_BASE_URL')}/api/email-captures/unsubscribe?token=${encodeURIComponent(signCaptureToken(this.config.get('JWT_SECRET'), 'unsubscribe', id))}`;
  }

  async list(query: EmailCaptureQueryDto): Promise<Page<EmailCaptureDto>> {
    const filter = query.status ? { status: query.status } : {};
    const [items, total] = await Promise.all([
      this.captures.find(filter).sort({ createdAt: -1, _id: -1 }).skip(query.skip).limit(query.limit).lean<EmailCapture[]>(),
      this.captures.countDocuments(filter),
    ]);
    return toPage(items.map(toEmailCaptureDto), total, query);
  }

  /** CSV of every capture with a status, streamed in id order by a cursor. */
  async *exportCsv(status: CaptureStatus | undefined): AsyncGenerator<string> {
    yield 'email,source,status,created_at,confirmed_at,unsubscribed_at\n';
    const cursor = this.captures
      .find(status ? { status } : {})
      .sort({ _id: 1 })
      .lean<EmailCapture[]>()
      .cursor();
    for await (const capture of cursor as AsyncIterable<EmailCapture>) {
      yield (
        [
          capture.email,
          capture.source,
          capture.status,
          iso(capture.createdAt) ?? '',
          iso(capture.confirmedAt) ?? '',
          iso(capture.unsubscribedAt) ?? '',
        ]
          .map(csvCell)
          .join(',') + '\n'
      );
    }
  }

  private async apply(purpose: CapturePurpose, token: string, change: Partial<EmailCapture>): Promise<CaptureStatus> {
    const id = verifyCaptureToken(this.config.get('JWT_SECRET'), purpose, token);
    if (!id) throw new BadRequestException('The link is invalid or has expired.');
    const updated = await this.captures
      .findOneAndUpdate({ _id: new Types.ObjectId(id) }, { $set: change }, { returnDocument: 'after' })
      .lean<EmailCapture>();
    if (!updated) throw new NotFoundException('This address is no longer on the list.');
    return updated.status;
  }
}

/** Quotes a CSV cell, and defuses spreadsheet formulas (=, +, -, @ at the start). */
function csvCell(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toEmailCaptureDto(capture: EmailCapture): EmailCaptureDto {
  return {
    id: capture._id.toString(),
    email: capture.email,
    source: capture.source,
    status: capture.status,
    confirmedAt: capture.confirmedAt?.toISOString(),
    unsubscribedAt: capture.unsubscribedAt?.toISOString(),
    createdAt: new Date(capture.createdAt).toISOString(),
    updatedAt: new Date(capture.updatedAt).toISOString(),
  };
}
