import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, Types, type HydratedDocument } from 'mongoose';
import { tenantScopedPlugin } from '../../../core/database/tenant-scoped.js';
import { TEAM_ROLES, type TeamRole } from '../tenant-roles.js';

@Schema({ collection: 'teammembers', timestamps: true })
export class TeamMember {
  _id: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) tenantId: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) teamId: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) userId: Types.ObjectId;
  @Prop({ type: String, enum: TEAM_ROLES, default: 'member' }) role: TeamRole;
  @Prop({ type: SchemaTypes.ObjectId }) addedBy?: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
}

export type TeamMemberDocument = HydratedDocument<TeamMember>;
export const TeamMemberSchema = SchemaFactory.createForClass(TeamMember);
TeamMemberSchema.plugin(tenantScopedPlugin);

// POST /api/tenants/:tenantId/teams/:teamId/members: once per team.
TeamMemberSchema.index({ teamId: 1, userId: 1 }, { unique: true });
// GET /api/tenants/:tenantId/teams/:teamId/members: by when they joined.
TeamMemberSchema.index({ tenantId: 1, teamId: 1, createdAt: 1, _id: 1 });
// A member leaving the tenant leaves its teams.
TeamMemberSchema.index({ tenantId: 1, userId: 1 });
