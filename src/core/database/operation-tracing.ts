import { tracingChannel } from 'node:diagnostics_channel';

/**
 * What a traced database operation says about itself: the shape of Mongoose's own tracing contexts
 * (`mongoose:query`, `mongoose:aggregate`, `mongoose:model:*`), so one subscriber reads both.
 */
export interface OperationContext {
  operation: string;
  collection?: string;
  database?: string;
}

/**
 * Mongoose traces its own operations on these channels. Calls we make on the driver directly (the lean
 * insert, the webhook claim, the shared rate limits) are traced on `atrium:mongodb` with the same context.
 */
export const OPERATION_CHANNELS = [
  'mongoose:query',
  'mongoose:aggregate',
  'mongoose:model:save',
  'mongoose:model:insertMany',
  'mongoose:model:bulkWrite',
  'atrium:mongodb',
] as const;

const driverCalls = tracingChannel<unknown, OperationContext>('atrium:mongodb');

/** Runs one driver call on the `atrium:mongodb` channel; with no subscriber (metrics off) it costs one check. */
export function traceDriverCall<T>(context: OperationContext, call: () => Promise<T>): Promise<T> {
  if (!driverCalls.hasSubscribers) return call();
  return driverCalls.tracePromise(call, context);
}

/** The context of a driver call on a model's own collection: the same labels Mongoose gives its operations. */
export const onModel = (model: { collection: { collectionName: string }; db: { name: string } }, operation: string): OperationContext => ({
  operation,
  collection: model.collection.collectionName,
  database: model.db.name,
});
