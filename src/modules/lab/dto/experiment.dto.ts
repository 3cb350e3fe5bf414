import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EXPERIMENT_STATUSES, type ExperimentStatus } from '../experiment.lifecycle.js';
import { EXPERIMENT_TYPES, type ExperimentType } from '../experiment-types.js';
import { ExperimentErrorDto } from './track-experiment.dto.js';

export class ExperimentDto {
  @ApiProperty() experimentId: string;
  @ApiProperty({ enum: EXPERIMENT_TYPES }) experimentType: ExperimentType;
  @ApiProperty() userId: string;
  @ApiProperty({ enum: EXPERIMENT_STATUSES }) status: ExperimentStatus;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) input?: Record<string, unknown>;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) output?: Record<string, unknown>;
  @ApiPropertyOptional() outputRef?: string;
  @ApiPropertyOptional({ description: 'Milliseconds' }) processingTime?: number;
  @ApiPropertyOptional() tokensUsed?: number;
  @ApiPropertyOptional({ type: ExperimentErrorDto }) error?: ExperimentErrorDto;
  @ApiProperty() notify: boolean;
  @ApiPropertyOptional({ format: 'date-time' }) finishedAt?: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ExperimentTypeStatsDto {
  @ApiProperty({ enum: EXPERIMENT_TYPES }) experimentType: ExperimentType;
  @ApiProperty({ description: 'Runs in any status' }) runs: number;
  @ApiProperty() succeeded: number;
  @ApiProperty() failed: number;
  @ApiProperty({ nullable: true, type: Number, description: 'succeeded / (succeeded + failed); null before any run finished' })
  successRate: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Mean processing time of succeeded runs, milliseconds' })
  averageProcessingTime: number | null;
  @ApiProperty() tokensUsed: number;
}

export class ExperimentStatsDto {
  @ApiProperty({ nullable: true, type: String, description: 'The user the statistics are about; null for everyone (staff)' })
  userId: string | null;
  @ApiProperty({ type: ExperimentTypeStatsDto, isArray: true, description: 'One row per type with runs, by type name' })
  byType: ExperimentTypeStatsDto[];
  @ApiProperty() runs: number;
  @ApiProperty() tokensUsed: number;
}
