import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model, type PipelineStage } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { ActorContext } from '../../core/auth/request-context.js';
import { isStaff } from '../../core/auth/roles.js';
import type { ExperimentStatsDto, ExperimentTypeStatsDto } from './dto/experiment.dto.js';
import type { ExperimentStatsQueryDto } from './dto/experiment-query.dto.js';
import type { ExperimentStatus } from './experiment.lifecycle.js';
import type { ExperimentType } from './experiment-types.js';
import { LabExperiment } from './schemas/lab-experiment.schema.js';

interface StatusGroup {
  _id: { experimentType: ExperimentType; status: ExperimentStatus };
  runs: number;
  tokensUsed: number;
  averageProcessingTime: number | null;
}

/** Per-type counts, success rate, mean processing time and tokens, for one user or (staff) everyone. */
@Injectable()
export class ExperimentStatsService {
  constructor(
    @InjectModel(LabExperiment.name) private readonly model: Model<LabExperiment>,
    private readonly policy: PermissionPolicy,
  ) {}

  async stats(ctx: ActorContext, query: ExperimentStatsQueryDto): Promise<ExperimentStatsDto> {
    this.policy.require(ctx, 'lab.list');
    const someoneElse = query.userId !== undefined && query.userId !== ctx.actor.id;
    if (someoneElse) this.policy.require(ctx, 'lab.stats.any');
    // Staff asking without a user get everyone's figures; anyone else gets their own.
    const userId = query.userId ?? (isStaff(ctx.actor) ? null : ctx.actor.id);
    const pipeline: PipelineStage[] = [
      ...(userId ? [{ $match: { userId: new Types.ObjectId(userId) } }] : []),
      {
        $group: {
          _id: { experimentType: '$experimentType', status: '$status' },
          runs: { $sum: 1 },
          tokensUsed: { $sum: '$tokensUsed' },
          averageProcessingTime: { $avg: '$processingTime' },
        },
      },
    ];
    const groups = await this.model.aggregate<StatusGroup>(pipeline);
    const byType = summarize(groups);
    return {
      userId,
      byType,
      runs: byType.reduce((sum, row) => sum + row.runs, 0),
      tokensUsed: byType.reduce((sum, row) => sum + row.tokensUsed, 0),
    };
  }
}

/** Folds (type, status) groups into one row per type. */
export function summarize(groups: readonly StatusGroup[]): ExperimentTypeStatsDto[] {
  const rows = new Map<ExperimentType, ExperimentTypeStatsDto>();
  for (const group of groups) {
    const type = group._id.experimentType;
    const row = rows.get(type) ?? {
      experimentType: type,
      runs: 0,
      succeeded: 0,
      failed: 0,
      successRate: null,
      averageProcessingTime: null,
      tokensUsed: 0,
    };
    row.runs += group.runs;
    row.tokensUsed += group.tokensUsed ?? 0;
    if (group._id.status === 'succeeded') {
      row.succeeded = group.runs;
      row.averageProcessingTime = group.averageProcessingTime === null ? null : Math.round(group.averageProcessingTime);
    }
    if (group._id.status === 'failed') row.failed = group.runs;
    rows.set(type, row);
  }
  for (const row of rows.values()) {
    const finished = row.succeeded + row.failed;
    row.successRate = finished === 0 ? null : row.succeeded / finished;
  }
  return [...rows.values()].sort((a, b) => a.experimentType.localeCompare(b.experimentType));
}
