import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, Types, type HydratedDocument } from 'mongoose';
import {
  AVATAR_STYLES,
  FONT_SIZES,
  INSTRUCTIONS_HARD_MAX,
  LANGUAGES,
  PROMPT_TAG_MAX,
  PROMPT_TEXT_MAX,
  PROMPT_TITLE_MAX,
  RESPONSE_LENGTHS,
  THEMES,
  TONES,
  VERBOSITIES,
  type Behavior,
  type Display,
} from '../personalization-fields.js';

/** Only what the user chose; the rest is the defaults at read time. */
@Schema({ _id: false })
export class DisplaySettings implements Partial<Display> {
  @Prop({ type: String, enum: THEMES }) theme?: Display['theme'];
  @Prop({ type: String, enum: AVATAR_STYLES }) avatarStyle?: Display['avatarStyle'];
  @Prop({ type: String, enum: LANGUAGES }) language?: Display['language'];
  @Prop({ type: String, enum: FONT_SIZES }) fontSize?: Display['fontSize'];
}
export const DisplaySettingsSchema = SchemaFactory.createForClass(DisplaySettings);

@Schema({ _id: false })
export class BehaviorSettings implements Partial<Behavior> {
  @Prop({ type: String, enum: TONES }) tone?: Behavior['tone'];
  @Prop({ type: String, enum: VERBOSITIES }) verbosity?: Behavior['verbosity'];
  @Prop({ min: 0, max: 1 }) creativity?: number;
  @Prop({ type: String, enum: RESPONSE_LENGTHS }) responseLength?: Behavior['responseLength'];
}
export const BehaviorSettingsSchema = SchemaFactory.createForClass(BehaviorSettings);

/** A prompt the user keeps for the agent; its place in the array is its order. */
@Schema({ _id: true })
export class SavedPrompt {
  _id: Types.ObjectId;
  @Prop({ required: true, maxlength: PROMPT_TITLE_MAX }) title: string;
  @Prop({ required: true, maxlength: PROMPT_TEXT_MAX }) prompt: string;
  @Prop({ type: [{ type: String, maxlength: PROMPT_TAG_MAX }], default: [] }) tags: string[];
  @Prop({ required: true }) createdAt: Date;
  @Prop({ required: true }) updatedAt: Date;
}
export const SavedPromptSchema = SchemaFactory.createForClass(SavedPrompt);

@Schema({ collection: 'agentpersonalizations', timestamps: true })
export class AgentPersonalization {
  _id: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) userId: Types.ObjectId;
  @Prop({ required: true, maxlength: 64 }) agentId: string;
  @Prop({ type: DisplaySettingsSchema }) display?: DisplaySettings;
  @Prop({ type: BehaviorSettingsSchema }) behavior?: BehaviorSettings;
  @Prop({ maxlength: INSTRUCTIONS_HARD_MAX }) customInstructions?: string;
  /** Bounded per agent by PERSONALIZATION_MAX_SAVED_PROMPTS, guarded in the adding update's filter. */
  @Prop({ type: [SavedPromptSchema], default: [] }) savedPrompts: SavedPrompt[];
  /** Raised by every write, so a reorder applies only to the prompts it was computed from. */
  @Prop({ default: 0 }) revision: number;
  createdAt: Date;
  updatedAt: Date;
}

export type AgentPersonalizationDocument = HydratedDocument<AgentPersonalization>;
export const AgentPersonalizationSchema = SchemaFactory.createForClass(AgentPersonalization);

// Every /api/agents/:agentId/personalization route: one document per user and agent (the upserts rely on it);
// its userId prefix serves erasing a deleted user's settings.
AgentPersonalizationSchema.index({ userId: 1, agentId: 1 }, { unique: true });
