import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { HydratedDocument, Types } from 'mongoose';

/**
 * A short-lived hold on one user's session calendar, keyed by the user's id: whoever holds it may check
 * that user's overlaps and write a session in one uninterrupted step. A holder that crashed loses it at
 * `until` (taken over by the next booking), so no lock outlives a few seconds.
 */
@Schema({ collection: 'sessioncalendarlocks', versionKey: false })
export class CalendarLock {
  /** The user whose calendar is held. */
  _id: Types.ObjectId;
  @Prop({ required: true, maxlength: 64 }) holder: string;
  @Prop({ required: true }) until: Date;
}

export type CalendarLockDocument = HydratedDocument<CalendarLock>;
export const CalendarLockSchema = SchemaFactory.createForClass(CalendarLock);
// No secondary index: every read and write goes by _id.
