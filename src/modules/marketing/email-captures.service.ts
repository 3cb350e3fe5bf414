import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { compact, findPage } from '../../core/database/find-page.js';
import { EffectsRelay, owedEffects, type EffectRequest } from '../../core/events/index.js';
import type { Page, PageQueryDto } from '../../core/http/pagination.js';
import { auditEntry, transition, type TransitionOrigin } from '../../core/lifecycle/index.js';
import { CaptureLinks } from './capture-links.js';
import { verifyCaptureToken, type CapturePurpose } from './capture-tokens.js';
import type { CreateEmailCaptureDto, EmailCaptureDto } from './dto/email-capture.dto.js';
import { emailCaptureLifecycle, type CaptureStatus } from './email-capture.lifecycle.js';
import { CSV_HEADER, toCsvRow, toEmailCaptureDto } from './email-capture.mapper.js';
import { MarketingEvents } from './marketing.events.js';
import { EmailCapture } from './schemas/email-capture.schema.js';
import { AuditTrail } from '../audit/index.js';

/** Finished confirmation effects kept on a sign-up; older ones are history (they ran days ago). */
const KEPT_EFFECTS = 20;

/** Every move is the address holder's: through the form, or through a signed link. */
const originOf = (ctx: RequestContext, source: 'form' | 'link'): TransitionOrigin => ({
  trigger: 'owner',
  source,
  ip: ctx.client.ip,
  userAgent: ctx.client.userAgent,
});

/** Email sign-ups: double opt-in, one-click unsubscribe, the staff list and its export. */
@Injectable()
export class EmailCapturesService {
  constructor(
    @InjectModel(EmailCapture.name) private readonly captures: Model<EmailCapture>,
    private readonly policy: PermissionPolicy,
    private readonly relay: EffectsRelay,
    private readonly links: CaptureLinks,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * Stores the address as pending and owes the confirmation email in the same write. A confirmed
   * address stays confirmed; a pending one gets at most one confirmation a day however often the form
   * is sent; the answer is the same in every case.
   */
  async capture(ctx: RequestContext, input: CreateEmailCaptureDto): Promise<void> {
    this.policy.require(ctx, 'capture.create');
    const now = new Date();
    const origin = originOf(ctx, 'form');
    const fresh = new Types.ObjectId();
    const found = await this.captures
      .findOneAndUpdate(
        { email: input.email },
        {
          $setOnInsert: {
            _id: fresh,
            email: input.email,
            source: input.source,
            status: 'pending',
            ip: ctx.client.ip,
            userAgent: ctx.client.userAgent,
            audit: [auditEntry(null, 'pending', origin, now)],
            effects: owedEffects(this.confirmation(fresh, input.email, `day:${dayOf(now)}`, now), now),
          },
        },
        { upsert: true, returnDocument: 'after' },
      )
      .lean<EmailCapture>();
    if (!found || found.status === 'confirmed') return;
    if (found._id.equals(fresh)) return this.relay.deliver(this.captures, found);
    if (found.status === 'unsubscribed') {
      // A new sign-up after leaving: a new consent to ask for, keyed by this moment.
      const effects = this.confirmation(found._id, found.email, `again:${now.getTime()}`, now);
      const moved = await transition(this.captures, emailCaptureLifecycle, { id: found._id, to: 'pending', origin, effects });
      return this.relay.deliver(this.captures, moved.document);
    }
    const effects = this.confirmation(found._id, found.email, `day:${dayOf(now)}`, now);
    if (effects.length === 0) return;
    const owed = await this.captures
      .findOneAndUpdate(
        { _id: found._id, status: 'pending', 'effects.key': trusted({ $ne: effects[0].key }) },
        { $push: { effects: { $each: owedEffects(effects, now), $slice: -KEPT_EFFECTS } } },
        { returnDocument: 'after' },
      )
      .lean<EmailCapture>();
    if (owed) await this.relay.deliver(this.captures, owed);
  }

  confirm(ctx: RequestContext, token: string): Promise<CaptureStatus> {
    return this.follow(ctx, 'confirm', token, 'confirmed', { confirmedAt: new Date() });
  }

  unsubscribe(ctx: RequestContext, token: string): Promise<CaptureStatus> {
    return this.follow(ctx, 'unsubscribe', token, 'unsubscribed', { unsubscribedAt: new Date() });
  }

  async list(ctx: RequestContext, query: PageQueryDto & { status?: CaptureStatus }): Promise<Page<EmailCaptureDto>> {
    this.policy.require(ctx, 'capture.list');
    return findPage(this.captures, compact({ status: query.status }), query, toEmailCaptureDto, { createdAt: -1 });
  }

  /** CSV of every capture with a status, streamed in id order by a cursor. */
  async *exportCsv(ctx: RequestContext, status: CaptureStatus | undefined): AsyncGenerator<string> {
    this.policy.require(ctx, 'capture.export');
    // A list of addresses leaving the system is a privileged act: who took which list, from where.
    await this.audit.record(ctx, {
      action: 'email-capture.exported',
      targetType: 'email-captures',
      targetId: status ?? 'all',
      after: { status: status ?? 'all', format: 'csv' },
    });
    yield CSV_HEADER;
    const cursor = this.captures.find(compact({ status })).sort({ _id: 1 }).lean<EmailCapture[]>().cursor();
    for await (const capture of cursor as AsyncIterable<EmailCapture>) yield toCsvRow(capture);
  }

  /** A signed link moves the sign-up; following it again changes nothing. */
  private async follow(
    ctx: RequestContext,
    purpose: CapturePurpose,
    token: string,
    to: CaptureStatus,
    set: Partial<EmailCapture>,
  ): Promise<CaptureStatus> {
    this.policy.require(ctx, 'capture.link');
    const id = verifyCaptureToken(this.links.secret, purpose, token);
    if (!id) throw new BadRequestException('The link is invalid or has expired.');
    const { document } = await transition(this.captures, emailCaptureLifecycle, {
      id: new Types.ObjectId(id),
      to,
      origin: originOf(ctx, 'link'),
      set,
    });
    return document.status;
  }

  private confirmation(id: Types.ObjectId, email: string, occasion: string, now: Date): EffectRequest[] {
    const link = this.links.confirm(id.toString(), now);
    return this.relay.owe(
      MarketingEvents.captureRequested,
      { captureId: id.toString(), email, confirmUrl: link.url, confirmBy: link.expiresAt.toISOString() },
      `email-capture:${id.toString()}:confirm:${occasion}`,
    );
  }
}

const dayOf = (at: Date) => at.toISOString().slice(0, 10);
