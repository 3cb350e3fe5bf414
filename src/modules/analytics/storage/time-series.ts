import { randomBytes } from 'node:crypto';
import type { Db } from 'mongodb';
import type { Capability } from '../../../core/database/capabilities.js';

/** A collection stored as a time series where the server can: its time field and its series field. */
export interface SeriesLayout {
  collection: string;
  timeField: 'at';
  metaField: string;
  /** Events arrive seconds apart; usage records are aggregated per minute at most. */
  granularity: 'seconds' | 'minutes';
}

export const SERIES_LAYOUTS: readonly SeriesLayout[] = [
  { collection: 'pageviews', timeField: 'at', metaField: 'path', granularity: 'seconds' },
  { collection: 'userevents', timeField: 'at', metaField: 'name', granularity: 'seconds' },
  { collection: 'chatinteractions', timeField: 'at', metaField: 'name', granularity: 'seconds' },
  { collection: 'toolusages', timeField: 'at', metaField: 'name', granularity: 'seconds' },
  { collection: 'userbehaviors', timeField: 'at', metaField: 'name', granularity: 'seconds' },
  { collection: 'performancemetrics', timeField: 'at', metaField: 'name', granularity: 'seconds' },
  { collection: 'apiusages', timeField: 'at', metaField: 'route', granularity: 'minutes' },
];

/**
 * Whether the server stores time-series collections: creates one in a scratch collection and asks
 * the catalogue what it made (a server may accept the option and still make a plain collection).
 */
export async function probeTimeSeries(db: Db): Promise<Capability> {
  // Unique per probe: instances that start together (in one process, in tests) must not share it.
  const name = `analytics_timeseries_probe_${randomBytes(8).toString('hex')}`;
  try {
    await db.createCollection(name, { timeseries: { timeField: 'at', metaField: 'name', granularity: 'seconds' } });
    const [info] = await db.listCollections({ name }).toArray();
    if (info?.type !== 'timeseries')
      return { supported: false, reason: `asked for a time series, the server made a collection of type "${info?.type ?? 'none'}"` };
    return { supported: true };
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { supported: false, reason: `the server has no time-series collections (${detail})` };
  } finally {
    await db.dropCollection(name).catch(() => undefined);
  }
}
