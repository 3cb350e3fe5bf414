import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, type Types } from 'mongoose';

/**
 * What every tracked event stores, in whichever stream its name routes it to (see event-routing.ts).
 * The streams are time-series collections where the server has them (time `at`, series `name`),
 * created by AnalyticsStorage rather than by Mongoose.
 */
export class TrackedEvent {
  _id: Types.ObjectId;
  @Prop({ required: true }) at: Date;
  @Prop({ required: true, maxlength: 10 }) day: string;
  @Prop({ required: true, maxlength: 64 }) name: string;
  @Prop({ maxlength: 64 }) visitorId?: string;
  @Prop({ maxlength: 64 }) visitId?: string;
  @Prop({ type: SchemaTypes.ObjectId }) userId?: Types.ObjectId;
  /** At most MAX_EVENT_PROPERTIES scalar values, checked by the request's validation. */
  @Prop({ type: Object }) properties?: Record<string, string | number | boolean | null>;
}

const STREAM = { timestamps: false, versionKey: false, autoCreate: false, autoIndex: false } as const;

/** Product events: everything not routed to a more specific stream. */
@Schema({ collection: 'userevents', ...STREAM })
export class UserEvent extends TrackedEvent {}

/** `chat.*` events: a message sent to or answered by an agent. */
@Schema({ collection: 'chatinteractions', ...STREAM })
export class ChatInteraction extends TrackedEvent {}

/** `tool.*` events: a tool used, named by `properties.toolId` (or the name's second part). */
@Schema({ collection: 'toolusages', ...STREAM })
export class ToolUsage extends TrackedEvent {
  @Prop({ required: true, maxlength: 64 }) toolId: string;
}

/** `behavior.*` events: scrolls, hovers, rage clicks and other interaction detail. */
@Schema({ collection: 'userbehaviors', ...STREAM })
export class UserBehavior extends TrackedEvent {}

/** `perf.*` events: client-side performance measurements (web vitals, load times). */
@Schema({ collection: 'performancemetrics', ...STREAM })
export class PerformanceMetric extends TrackedEvent {}

export const UserEventSchema = SchemaFactory.createForClass(UserEvent);
export const ChatInteractionSchema = SchemaFactory.createForClass(ChatInteraction);
export const ToolUsageSchema = SchemaFactory.createForClass(ToolUsage);
export const UserBehaviorSchema = SchemaFactory.createForClass(UserBehavior);
export const PerformanceMetricSchema = SchemaFactory.createForClass(PerformanceMetric);

// GET /api/analytics/events and /series?metric=events: a date range grouped by name.
UserEventSchema.index({ at: 1 });
UserEventSchema.index({ name: 1, at: 1 });
// GET /api/analytics/tools: a date range grouped by tool.
ToolUsageSchema.index({ at: 1 });
ToolUsageSchema.index({ toolId: 1, at: 1 });
// Each stream's range reads (and the purge) go by time.
ChatInteractionSchema.index({ at: 1 });
UserBehaviorSchema.index({ at: 1 });
PerformanceMetricSchema.index({ name: 1, at: 1 });
