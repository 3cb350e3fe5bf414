import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export const PRESENCE_STATES = ['online', 'away', 'offline'] as const;
export type PresenceState = (typeof PRESENCE_STATES)[number];

export class HeartbeatDto {
  @ApiPropertyOptional({ enum: ['online', 'away'], default: 'online' }) @IsOptional() @IsIn(['online', 'away']) status?: 'online' | 'away';
}

export class PresenceDto {
  @ApiProperty() userId: string;
  @ApiProperty({ enum: PRESENCE_STATES }) status: PresenceState;
  @ApiPropertyOptional({ format: 'date-time' }) lastSeenAt?: string;
}
