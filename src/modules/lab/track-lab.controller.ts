import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../core/auth/access.decorators.js';
import { Ctx, type ActorContext } from '../../core/auth/request-context.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { ExperimentDto } from './dto/experiment.dto.js';
import { TrackExperimentDto } from './dto/track-experiment.dto.js';
import { ExperimentsService } from './experiments.service.js';

/** Lab runs are reported on the analytics tracking path, beside the other tracking calls clients make. */
@ApiTags('lab')
@Controller('analytics/track')
export class TrackLabController {
  constructor(private readonly experiments: ExperimentsService) {}

  @Post('lab')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Record a lab run: the first report creates it, later reports with its experimentId move it forward',
    description: 'Idempotent: a replayed report changes nothing and a finished run stays finished. Status moves only forward.',
  })
  @ApiOkResponse({ type: ExperimentDto })
  @ApiProblem(403, 'The run is someone else’s (staff)')
  @ApiProblem(404, 'The experimentId names another user’s run')
  @ApiProblem(409, 'A move backwards, or a different experiment type for the same run')
  track(@Ctx() ctx: ActorContext, @Body() body: TrackExperimentDto): Promise<ExperimentDto> {
    return this.experiments.track(ctx, body);
  }
}
