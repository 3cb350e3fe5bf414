import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Types, type Connection } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { AnalyticsConfig } from './analytics.config.js';
import type { EventsAcceptedDto, TrackEventsDto } from './dto/track-events.dto.js';
import { streamOf, toolIdOf, type EventStream } from './event-routing.js';
import { dayOf } from './privacy.js';

/**
 * Stores a batch of events before answering: one unordered insertMany per stream the batch touches,
 * through the driver. Nothing accepted is lost to a crash after the answer, since nothing is held
 * in memory across requests; a client retrying a failed call may store a batch twice (at least once).
 */
@Injectable()
export class EventIngest {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly policy: PermissionPolicy,
    private readonly config: AnalyticsConfig,
  ) {}

  async track(ctx: RequestContext, body: TrackEventsDto): Promise<EventsAcceptedDto> {
    this.policy.require(ctx, 'analytics.track');
    const userId = ctx.actor?.id;
    const user = userId ? new Types.ObjectId(userId) : undefined;
    const oldest = Date.now() - this.config.ANALYTICS_EVENT_MAX_AGE_HOURS * 3_600_000;
    const byStream = new Map<EventStream, Record<string, unknown>[]>();
    let refused = 0;
    for (const event of body.events) {
      const at = new Date(event.at);
      if (at.getTime() < oldest) {
        refused++;
        continue;
      }
      const stream = streamOf(event.name);
      const document: Record<string, unknown> = {
        at,
        day: dayOf(at),
        name: event.name,
        visitorId: body.visitorId,
        ...(body.visitId ? { visitId: body.visitId } : {}),
        ...(user ? { userId: user } : {}),
        ...(event.properties ? { properties: event.properties } : {}),
        ...(stream === 'toolusages' ? { toolId: toolIdOf(event.name, event.properties) } : {}),
      };
      const documents = byStream.get(stream) ?? [];
      documents.push(document);
      byStream.set(stream, documents);
    }
    const db = this.connection.db!;
    await Promise.all([...byStream].map(([stream, documents]) => db.collection(stream).insertMany(documents, { ordered: false })));
    return { accepted: body.events.length - refused, refused };
  }
}
