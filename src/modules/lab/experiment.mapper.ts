import type { ExperimentDto } from './dto/experiment.dto.js';
import type { LabExperiment } from './schemas/lab-experiment.schema.js';

/** The owner and staff see the same run: nothing on it is private to either. */
export function toExperimentDto(run: LabExperiment): ExperimentDto {
  return {
    experimentId: run.experimentId,
    experimentType: run.experimentType,
    userId: run.userId.toString(),
    status: run.status,
    input: run.input,
    output: run.output,
    outputRef: run.outputRef,
    processingTime: run.processingTime,
    tokensUsed: run.tokensUsed,
    error: run.error,
    notify: run.notify ?? false,
    finishedAt: run.finishedAt?.toISOString(),
    createdAt: run.createdAt.toISOString(),
    updatedAt: run.updatedAt.toISOString(),
  };
}
