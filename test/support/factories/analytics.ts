import type { INestApplicationContext } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { TrackEventDto } from '../../../src/modules/analytics/dto/track-events.dto.js';
import { ApiUsageRecorder } from '../../../src/modules/analytics/api-usage.recorder.js';
import { AnalyticsRetention } from '../../../src/modules/analytics/analytics-retention.service.js';
import { AnalyticsStorage } from '../../../src/modules/analytics/storage/analytics-storage.js';

export const analyticsCollection = (app: INestApplicationContext, name: string) =>
  app.get<Connection>(getConnectionToken()).db!.collection(name);

export const recorderOf = (app: INestApplicationContext) => app.get(ApiUsageRecorder);
export const retentionOf = (app: INestApplicationContext) => app.get(AnalyticsRetention);
export const storageOf = (app: INestApplicationContext) => app.get(AnalyticsStorage);

/** A client-generated visitor id, as a browser keeps in local storage. */
export const visitorId = () => `v_${randomBytes(9).toString('base64url')}`;

/** `count` valid events named `name`, stamped now. */
export const events = (
  count: number,
  name = 'button.clicked',
  properties: TrackEventDto['properties'] = { button: 'start' },
): TrackEventDto[] => Array.from({ length: count }, () => ({ name, at: new Date().toISOString(), properties }));

/** Moves every document of a visitor in a collection back by `ms` (its `field`, a date). */
export async function ageDocuments(app: INestApplicationContext, collection: string, filter: object, field: string, ms: number) {
  const target = analyticsCollection(app, collection);
  for (const document of await target.find(filter).toArray()) {
    await target.updateOne({ _id: document._id }, { $set: { [field]: new Date((document[field] as Date).getTime() - ms) } });
  }
}
