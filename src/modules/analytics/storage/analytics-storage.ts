import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import type { Capability } from '../../../core/database/capabilities.js';
import { AnalyticsConfig } from '../analytics.config.js';
import { DAY_MS, RETAINED_COLLECTIONS } from './retained-collections.js';
import { probeTimeSeries, SERIES_LAYOUTS, type SeriesLayout } from './time-series.js';

/** The server's answer to creating a collection that exists. */
const NAMESPACE_EXISTS = 48;

export const RETENTION_INDEX_NAME = 'retention_ttl';

export type StorageKind = 'time-series' | 'plain';

/**
 * Creates the tracking collections before the first write: time series where the server has them
 * (expiring after ANALYTICS_RETENTION_DAYS by the collection's own expiry), plain collections with a
 * TTL index otherwise. Then the schemas' indexes. A changed retention is applied in place (collMod).
 */
@Injectable()
export class AnalyticsStorage implements OnModuleInit {
  private readonly logger = new Logger('AnalyticsStorage');
  /** What the probe found at boot; the reason says why time series are not used. */
  timeSeries: Capability = { supported: false, reason: 'not probed yet' };
  /** How each tracking collection is stored on this server. */
  readonly kinds = new Map<string, StorageKind>();

  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly config: AnalyticsConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const db = this.connection.db!;
    this.timeSeries = await probeTimeSeries(db);
    const existing = new Map((await db.listCollections({}, { nameOnly: false }).toArray()).map((info) => [info.name, info.type]));
    for (const layout of SERIES_LAYOUTS)
      this.kinds.set(layout.collection, await this.ensureSeries(layout, existing.get(layout.collection)));
    for (const model of Object.values(this.connection.models)) {
      if (RETAINED_COLLECTIONS.some((retained) => retained.collection === model.collection.collectionName)) await model.createIndexes();
    }
    for (const { collection, timeField } of RETAINED_COLLECTIONS) {
      if (this.kinds.get(collection) !== 'time-series') await this.ensureRetentionIndex(collection, timeField);
    }
  }

  private get retentionSeconds(): number {
    return (this.config.ANALYTICS_RETENTION_DAYS * DAY_MS) / 1000;
  }

  private async ensureSeries(layout: SeriesLayout, type: string | undefined): Promise<StorageKind> {
    const db = this.connection.db!;
    if (type === 'timeseries') {
      await this.applyRetention(layout.collection, () =>
        db.command({ collMod: layout.collection, expireAfterSeconds: this.retentionSeconds }),
      );
      return 'time-series';
    }
    if (type !== undefined) return 'plain';
    const { collection, ...timeseries } = layout;
    try {
      if (!this.timeSeries.supported) await db.createCollection(collection);
      else await db.createCollection(collection, { timeseries, expireAfterSeconds: this.retentionSeconds });
    } catch (error) {
      // Another instance starting at the same moment made it first: take the kind it made.
      if ((error as { code?: number }).code !== NAMESPACE_EXISTS) throw error;
      const [info] = await db.listCollections({ name: collection }).toArray();
      return info?.type === 'timeseries' ? 'time-series' : 'plain';
    }
    return this.timeSeries.supported ? 'time-series' : 'plain';
  }

  private async ensureRetentionIndex(collection: string, timeField: string): Promise<void> {
    const target = this.connection.db!.collection(collection);
    const indexes = await target.indexes().catch(() => []);
    const current = indexes.find((index) => index.name === RETENTION_INDEX_NAME);
    if (!current) {
      await target.createIndex({ [timeField]: 1 }, { name: RETENTION_INDEX_NAME, expireAfterSeconds: this.retentionSeconds });
      return;
    }
    if (current.expireAfterSeconds === this.retentionSeconds) return;
    await this.applyRetention(collection, () =>
      this.connection.db!.command({
        collMod: collection,
        index: { name: RETENTION_INDEX_NAME, expireAfterSeconds: this.retentionSeconds },
      }),
    );
  }

  /** The nightly purge enforces the retention without it; a server without collMod keeps the old expiry until then. */
  private async applyRetention(collection: string, change: () => Promise<unknown>): Promise<void> {
    try {
      await change();
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      this.logger.warn(`${collection}: retention not updated to ${this.config.ANALYTICS_RETENTION_DAYS} days: ${reason}`);
    }
  }
}
