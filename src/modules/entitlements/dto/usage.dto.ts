import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { LIMIT_PERIODS, type LimitPeriod } from '../feature-values.js';
import { SubjectDto } from './entitlement.dto.js';

/** Bounded here for the document; ENTITLEMENTS_MAX_UNITS_PER_CALL may lower it. */
export const MAX_UNITS = 1_000_000;

export class MeterUsageDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_UNITS, default: 1 }) @IsOptional() @IsInt() @Min(1) @Max(MAX_UNITS) units?: number;
}

export class UsageLineDto {
  @ApiProperty() featureKey: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: LIMIT_PERIODS }) period: LimitPeriod;
  @ApiPropertyOptional() unit?: string;
  @ApiProperty() used: number;
  @ApiProperty({ description: 'The effective limit now' }) limit: number;
  @ApiProperty() remaining: number;
  @ApiProperty({ format: 'date-time' }) periodStart: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Absent for a cap, which never resets' }) resetsAt?: string;
}

export class UsageReportDto {
  @ApiProperty({ type: SubjectDto }) subject: SubjectDto;
  @ApiProperty() planKey: string;
  @ApiProperty({ type: UsageLineDto, isArray: true, description: 'Every limited feature' }) items: UsageLineDto[];
}

export class UsageReceiptDto {
  @ApiProperty() featureKey: string;
  @ApiProperty() units: number;
  @ApiProperty() used: number;
  @ApiProperty() limit: number;
  @ApiProperty() remaining: number;
  @ApiPropertyOptional({ format: 'date-time' }) resetsAt?: string;
}
