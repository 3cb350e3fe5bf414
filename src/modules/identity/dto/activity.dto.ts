import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACTIVITY_TYPES, type ActivityType } from '../schemas/user-activity.schema.js';

export class ActivityDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ACTIVITY_TYPES }) type: ActivityType;
  @ApiPropertyOptional({ description: 'Set when someone else caused it' }) actorId?: string;
  @ApiPropertyOptional() ip?: string;
  @ApiPropertyOptional() userAgent?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) details?: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
