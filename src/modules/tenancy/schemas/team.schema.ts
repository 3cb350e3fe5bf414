import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, Types, type HydratedDocument } from 'mongoose';
import { tenantScopedPlugin } from '../../../core/database/tenant-scoped.js';

@Schema({ collection: 'teams', timestamps: true })
export class Team {
  _id: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) tenantId: Types.ObjectId;
  @Prop({ required: true, trim: true, maxlength: 100 }) name: string;
  /** The name folded to lowercase: two teams of a tenant may not differ by case only. */
  @Prop({ required: true, maxlength: 100 }) nameKey: string;
  @Prop({ maxlength: 1000 }) description?: string;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) createdBy: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
}

export type TeamDocument = HydratedDocument<Team>;
export const TeamSchema = SchemaFactory.createForClass(Team);
TeamSchema.plugin(tenantScopedPlugin);

// POST/PATCH /api/tenants/:tenantId/teams: a name once per tenant.
TeamSchema.index({ tenantId: 1, nameKey: 1 }, { unique: true });
// GET /api/tenants/:tenantId/teams: by name.
TeamSchema.index({ tenantId: 1, name: 1, _id: 1 });
