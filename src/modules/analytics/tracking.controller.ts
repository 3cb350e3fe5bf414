import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { RateLimit } from '../../core/http/rate-limit.js';
import { EventsAcceptedDto, TrackEventsDto } from './dto/track-events.dto.js';
import { PageviewTrackedDto, TrackPageviewDto } from './dto/track-pageview.dto.js';
import { TrackVisitorDto, VisitorTrackedDto } from './dto/track-visitor.dto.js';
import { EventIngest } from './event-ingest.service.js';
import { VisitorTracking } from './visitor-tracking.service.js';

/** Public tracking calls; an access token, when sent, links what is tracked to the user. */
@ApiTags('analytics')
@Controller('analytics/track')
export class TrackingController {
  constructor(
    private readonly visitors: VisitorTracking,
    private readonly ingest: EventIngest,
  ) {}

  @Post('visitor')
  @Public({ identify: true })
  @RateLimit('public')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Introduce a visitor: stored on its first call (address kept only as its network), linked to the signed-in user',
  })
  @ApiOkResponse({ type: VisitorTrackedDto })
  @ApiProblem(400, 'A malformed visitor id or an unbounded field')
  visitor(@Ctx() ctx: RequestContext, @Body() body: TrackVisitorDto): Promise<VisitorTrackedDto> {
    return this.visitors.visitor(ctx, body);
  }

  @Post('pageview')
  @Public({ identify: true })
  @RateLimit('public')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Record a page view; it extends the visitor’s visit, or starts one after ANALYTICS_VISIT_TIMEOUT_MINUTES of quiet',
  })
  @ApiOkResponse({ type: PageviewTrackedDto })
  @ApiProblem(400, 'A malformed visitor id, a path not starting with /, or an unbounded field')
  pageview(@Ctx() ctx: RequestContext, @Body() body: TrackPageviewDto): Promise<PageviewTrackedDto> {
    return this.visitors.pageview(ctx, body);
  }

  @Post('event')
  @Public({ identify: true })
  @RateLimit('public')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Record a batch of up to 500 events, stored before the answer',
    description:
      'Names route events to streams: chat.* (chatinteractions), tool.* (toolusages), behavior.* (userbehaviors), ' +
      'perf.* (performancemetrics), anything else (userevents). Events older than ANALYTICS_EVENT_MAX_AGE_HOURS are refused and counted.',
  })
  @ApiAcceptedResponse({ type: EventsAcceptedDto })
  @ApiProblem(400, 'More than 500 events, a bad name or property, or a time more than 5 minutes ahead')
  event(@Ctx() ctx: RequestContext, @Body() body: TrackEventsDto): Promise<EventsAcceptedDto> {
    return this.ingest.track(ctx, body);
  }
}
