import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../core/auth/access.decorators.js';
import { Ctx, type ActorContext } from '../../core/auth/request-context.js';
import { PageOf, type Page } from '../../core/http/pagination.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { ExperimentDto, ExperimentStatsDto } from './dto/experiment.dto.js';
import { ExperimentQueryDto, ExperimentStatsQueryDto } from './dto/experiment-query.dto.js';
import { ExperimentIdPipe } from './experiment-id.pipe.js';
import { ExperimentStatsService } from './experiment-stats.service.js';
import { ExperimentsService } from './experiments.service.js';

const ExperimentPage = PageOf(ExperimentDto);

@ApiTags('lab')
@Controller('lab/experiments')
export class ExperimentsController {
  constructor(
    private readonly experiments: ExperimentsService,
    private readonly statistics: ExperimentStatsService,
  ) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'The caller’s lab runs, newest first, by type, status and creation date' })
  @ApiOkResponse({ type: ExperimentPage })
  list(@Ctx() ctx: ActorContext, @Query() query: ExperimentQueryDto): Promise<Page<ExperimentDto>> {
    return this.experiments.list(ctx, query);
  }

  @Get('stats')
  @Authenticated()
  @ApiOperation({
    summary: 'Runs per type, success rate, mean processing time and tokens: the caller’s, or (staff) a user’s or everyone’s',
  })
  @ApiOkResponse({ type: ExperimentStatsDto })
  @ApiProblem(403, 'Another user’s statistics are for staff')
  stats(@Ctx() ctx: ActorContext, @Query() query: ExperimentStatsQueryDto): Promise<ExperimentStatsDto> {
    return this.statistics.stats(ctx, query);
  }

  @Get(':experimentId')
  @Authenticated()
  @ApiOperation({ summary: 'One lab run (its owner, or staff)' })
  @ApiOkResponse({ type: ExperimentDto })
  @ApiProblem(404, 'No such run, or not yours to see')
  get(@Ctx() ctx: ActorContext, @Param('experimentId', ExperimentIdPipe) experimentId: string): Promise<ExperimentDto> {
    return this.experiments.get(ctx, experimentId);
  }
}
