import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { DashboardsService } from './dashboards.service.js';
import { ActiveUsersDto, ApiUsageReportDto, EventCountsDto, SeriesDto, ToolUsageDto, TopPagesDto } from './dto/dashboard.dto.js';
import { DateRangeQueryDto, SeriesQueryDto } from './dto/date-range.dto.js';

const RANGE_PROBLEM = 'A malformed date, from after to, or a range over 366 days';

/** Staff dashboards over whole UTC days (`from`, `to` included; the last 30 days by default). */
@ApiTags('analytics')
@Controller('analytics')
export class DashboardsController {
  constructor(private readonly dashboards: DashboardsService) {}

  @Get('active-users')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Distinct visitors and signed-in users with a page view, per day (staff)' })
  @ApiOkResponse({ type: ActiveUsersDto })
  @ApiProblem(400, RANGE_PROBLEM)
  activeUsers(@Ctx() ctx: RequestContext, @Query() query: DateRangeQueryDto): Promise<ActiveUsersDto> {
    return this.dashboards.activeUsers(ctx, query);
  }

  @Get('top-pages')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Most viewed paths with distinct visitors and mean time on page (staff)' })
  @ApiOkResponse({ type: TopPagesDto })
  @ApiProblem(400, RANGE_PROBLEM)
  topPages(@Ctx() ctx: RequestContext, @Query() query: DateRangeQueryDto): Promise<TopPagesDto> {
    return this.dashboards.topPages(ctx, query);
  }

  @Get('events')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Product events by name (staff)' })
  @ApiOkResponse({ type: EventCountsDto })
  @ApiProblem(400, RANGE_PROBLEM)
  events(@Ctx() ctx: RequestContext, @Query() query: DateRangeQueryDto): Promise<EventCountsDto> {
    return this.dashboards.events(ctx, query);
  }

  @Get('tools')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Tool uses and distinct visitors per tool (staff)' })
  @ApiOkResponse({ type: ToolUsageDto })
  @ApiProblem(400, RANGE_PROBLEM)
  tools(@Ctx() ctx: RequestContext, @Query() query: DateRangeQueryDto): Promise<ToolUsageDto> {
    return this.dashboards.tools(ctx, query);
  }

  @Get('api-usage')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Signed-in API requests per route template: count, errors, durations (staff)' })
  @ApiOkResponse({ type: ApiUsageReportDto })
  @ApiProblem(400, RANGE_PROBLEM)
  apiUsage(@Ctx() ctx: RequestContext, @Query() query: DateRangeQueryDto): Promise<ApiUsageReportDto> {
    return this.dashboards.apiUsage(ctx, query);
  }

  @Get('series')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'One metric per day: page views, visits, new visitors, events or API requests (staff)' })
  @ApiOkResponse({ type: SeriesDto })
  @ApiProblem(400, RANGE_PROBLEM)
  series(@Ctx() ctx: RequestContext, @Query() query: SeriesQueryDto): Promise<SeriesDto> {
    return this.dashboards.series(ctx, query);
  }
}
