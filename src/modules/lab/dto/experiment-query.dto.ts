import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsMongoId, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../core/http/pagination.js';
import { EXPERIMENT_STATUSES, type ExperimentStatus } from '../experiment.lifecycle.js';
import { EXPERIMENT_TYPES, type ExperimentType } from '../experiment-types.js';

/** The caller's history; each filter is backed by an index led by userId on `labexperiments`. */
export class ExperimentQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: EXPERIMENT_TYPES }) @IsOptional() @IsIn(EXPERIMENT_TYPES) type?: ExperimentType;
  @ApiPropertyOptional({ enum: EXPERIMENT_STATUSES }) @IsOptional() @IsIn(EXPERIMENT_STATUSES) status?: ExperimentStatus;
  @ApiPropertyOptional({ format: 'date-time', description: 'Created at or after' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Created at or before' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
}

export class ExperimentStatsQueryDto {
  @ApiPropertyOptional({ description: 'Staff: this user’s statistics (without it, everyone’s). Others: only their own id.' })
  @IsOptional()
  @IsMongoId()
  userId?: string;
}
