import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { randomUUID } from 'node:crypto';
import { Types, type Model } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { isDuplicateKey } from '../../core/database/duplicate-key.js';
import { AnalyticsConfig } from './analytics.config.js';
import type { PageviewTrackedDto, TrackPageviewDto } from './dto/track-pageview.dto.js';
import type { TrackVisitorDto, VisitorTrackedDto } from './dto/track-visitor.dto.js';
import { anonymizeIp, cleanPath, dayOf, type Utm } from './privacy.js';
import { Pageview } from './schemas/pageview.schema.js';
import { Visit } from './schemas/visit.schema.js';
import { Visitor } from './schemas/visitor.schema.js';

/** Concurrent first calls of one visitor id race on the unique index; the loser retries as an update. */
const ATTEMPTS = 3;

/**
 * Visitors and their visits. The visitor document decides the current visit atomically (extend it
 * while fresh, or replace it when stale), so concurrent page views of one visitor never start two visits.
 * Writes go through the driver: no Mongoose documents on the tracking path.
 */
@Injectable()
export class VisitorTracking {
  constructor(
    @InjectModel(Visitor.name) private readonly visitors: Model<Visitor>,
    @InjectModel(Visit.name) private readonly visits: Model<Visit>,
    @InjectModel(Pageview.name) private readonly pageviews: Model<Pageview>,
    private readonly policy: PermissionPolicy,
    private readonly config: AnalyticsConfig,
  ) {}

  /** Upserts by visitor id: first-seen details are kept from the first call only; the user link follows the latest sign-in. */
  async visitor(ctx: RequestContext, body: TrackVisitorDto): Promise<VisitorTrackedDto> {
    this.policy.require(ctx, 'analytics.track');
    const userId = ctx.actor?.id;
    const now = new Date();
    const firstSeen = {
      firstSeenAt: now,
      firstDay: dayOf(now),
      referrer: body.referrer,
      utm: body.utm ? { ...body.utm } : undefined,
      locale: body.locale,
      screen: body.screen ? { width: body.screen.width, height: body.screen.height } : undefined,
      userAgent: ctx.client.userAgent,
      ipNetwork: anonymizeIp(ctx.client.ip),
    };
    const result = await this.upsert(body.visitorId, {
      $setOnInsert: firstSeen,
      $set: { lastSeenAt: now, ...(userId ? { userId: new Types.ObjectId(userId) } : {}) },
    });
    return { visitorId: body.visitorId, isNew: result.upsertedCount === 1 };
  }

  /** Stores the page view and starts or extends the visitor's visit (a visitor first seen here is created). */
  async pageview(ctx: RequestContext, body: TrackPageviewDto): Promise<PageviewTrackedDto> {
    this.policy.require(ctx, 'analytics.track');
    const userId = ctx.actor?.id;
    const user = userId ? new Types.ObjectId(userId) : undefined;
    const now = new Date();
    const { path, utm } = cleanPath(body.path);
    const stored = path.slice(0, 512);
    const { visitId, newVisit } = await this.placeInVisit(body, stored, utm, user, ctx, now);
    await this.pageviews.collection.insertOne(
      {
        at: now,
        day: dayOf(now),
        path: stored,
        visitorId: body.visitorId,
        visitId,
        userId: user,
        title: body.title,
        referrer: body.referrer,
        utm,
        durationMs: body.durationMs,
        scrollDepth: body.scrollDepth,
      },
      { ignoreUndefined: true },
    );
    return { visitId, newVisit };
  }

  private async placeInVisit(
    body: TrackPageviewDto,
    path: string,
    utm: Utm | undefined,
    user: Types.ObjectId | undefined,
    ctx: RequestContext,
    now: Date,
  ): Promise<PageviewTrackedDto> {
    const cutoff = new Date(now.getTime() - this.config.ANALYTICS_VISIT_TIMEOUT_MINUTES * 60_000);
    const seen = { lastSeenAt: now, ...(user ? { userId: user } : {}) };
    for (let attempt = 1; ; attempt++) {
      const current = await this.visitors.collection.findOneAndUpdate(
        { visitorId: body.visitorId, 'visit.lastAt': { $gte: cutoff } },
        { $set: { 'visit.lastAt': now, ...seen } },
        { projection: { visit: 1 } },
      );
      if (current?.visit) {
        await this.visits.collection.updateOne(
          { visitId: current.visit.id },
          { $set: { lastAt: now, exitPath: path, ...(user ? { userId: user } : {}) }, $inc: { pageviews: 1 } },
        );
        return { visitId: current.visit.id, newVisit: false };
      }
      const visitId = randomUUID();
      try {
        await this.visitors.collection.updateOne(
          { visitorId: body.visitorId, $or: [{ visit: { $exists: false } }, { 'visit.lastAt': { $lt: cutoff } }] },
          {
            $set: { visit: { id: visitId, lastAt: now }, ...seen },
            $setOnInsert: {
              firstSeenAt: now,
              firstDay: dayOf(now),
              referrer: body.referrer,
              utm,
              userAgent: ctx.client.userAgent,
              ipNetwork: anonymizeIp(ctx.client.ip),
            },
          },
          { upsert: true, ignoreUndefined: true },
        );
      } catch (error) {
        // Another page view of this visitor started a visit first: join it.
        if (isDuplicateKey(error) && attempt < ATTEMPTS) continue;
        throw error;
      }
      await this.visits.collection.insertOne(
        {
          visitId,
          visitorId: body.visitorId,
          userId: user,
          startedAt: now,
          day: dayOf(now),
          lastAt: now,
          entryPath: path,
          exitPath: path,
          pageviews: 1,
          referrer: body.referrer,
          utm,
        },
        { ignoreUndefined: true },
      );
      return { visitId, newVisit: true };
    }
  }

  private async upsert(visitorId: string, update: Record<string, Record<string, unknown>>) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.visitors.collection.updateOne({ visitorId }, update, { upsert: true, ignoreUndefined: true });
      } catch (error) {
        if (isDuplicateKey(error) && attempt < ATTEMPTS) continue;
        throw error;
      }
    }
  }
}
