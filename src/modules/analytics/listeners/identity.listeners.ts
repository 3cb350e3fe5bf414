import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { trusted, Types, type Connection } from 'mongoose';
import { EffectsRelay } from '../../../core/events/index.js';
import { ApiUsage } from '../schemas/api-usage.schema.js';
import { ChatInteraction, PerformanceMetric, ToolUsage, UserBehavior, UserEvent } from '../schemas/event-streams.schema.js';
import { Pageview } from '../schemas/pageview.schema.js';
import { Visit } from '../schemas/visit.schema.js';
import { Visitor } from '../schemas/visitor.schema.js';

/** What the visitor ids of one account may number at most; a browser or device each, in practice a handful. */
const MAX_VISITORS = 1000;

const TRACKED = [Pageview, Visit, UserEvent, ChatInteraction, ToolUsage, UserBehavior, PerformanceMetric].map((model) => model.name);

/**
 * A deleted account takes its tracking with it: everything stored under its user id, and what its
 * visitors (the browsers it signed in from) recorded before it signed in. API usage goes too. Each
 * delete filters on fields every collection indexes or bounds, on time-series collections as well
 * (MongoDB 7 deletes by any field there). Idempotent: a rerun finds nothing left.
 */
@Injectable()
export class AnalyticsIdentityListeners implements OnModuleInit {
  constructor(
    private readonly relay: EffectsRelay,
    @InjectConnection() private readonly connection: Connection,
  ) {}

  onModuleInit(): void {
    this.relay.on('user.deleted', 'analytics', async ({ userId }) => {
      const user = new Types.ObjectId(userId);
      const visitors = this.connection.model(Visitor.name);
      const visitorIds = (await visitors.find({ userId: user }, { visitorId: 1 }).limit(MAX_VISITORS).lean<{ visitorId: string }[]>()).map(
        (visitor) => visitor.visitorId,
      );
      const linked = visitorIds.length > 0 ? { $or: [{ userId: user }, { visitorId: trusted({ $in: visitorIds }) }] } : { userId: user };
      await Promise.all(TRACKED.map((name) => this.connection.model(name).deleteMany(linked)));
      await this.connection.model(ApiUsage.name).deleteMany({ userId: user });
      await visitors.deleteMany({ userId: user });
    });
  }
}
