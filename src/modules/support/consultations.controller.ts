import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Roles } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { PageOf, PageQueryDto, type Page } from '../../core/http/pagination.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { ConsultationsService } from './consultations.service.js';
import { CancelConsultationDto, ConsultationTransitionDto, FeedbackDto, RequestConsultationDto } from './dto/consultation-input.dto.js';
import { ConsultationDto, ConsultationQueueQueryDto } from './dto/consultation.dto.js';

const ConsultationPage = PageOf(ConsultationDto);

@ApiTags('support')
@Controller('support/consultations')
export class ConsultationsController {
  constructor(private readonly consultations: ConsultationsService) {}

  @Post()
  @Authenticated()
  @ApiOperation({ summary: 'Request a consultation at a future time' })
  @ApiCreatedResponse({ type: ConsultationDto })
  request(@Ctx() ctx: RequestContext, @Body() body: RequestConsultationDto): Promise<ConsultationDto> {
    return this.consultations.request(ctx, body);
  }

  @Get()
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Consultations by status, type and meeting time, soonest first (staff)' })
  @ApiOkResponse({ type: ConsultationPage })
  queue(@Ctx() ctx: RequestContext, @Query() query: ConsultationQueueQueryDto): Promise<Page<ConsultationDto>> {
    return this.consultations.queue(ctx, query);
  }

  @Get('user/:userId')
  @Authenticated()
  @ApiOperation({ summary: 'A user’s consultations, newest first (the user, or staff)' })
  @ApiOkResponse({ type: ConsultationPage })
  @ApiProblem(404, 'No such user, or not yours to see')
  listForUser(
    @Ctx() ctx: RequestContext,
    @Param('userId', ObjectIdPipe) userId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<ConsultationDto>> {
    return this.consultations.listForUser(ctx, userId, query);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'A consultation (the requester, or staff)' })
  @ApiOkResponse({ type: ConsultationDto })
  @ApiProblem(404, 'No such consultation, or not yours to see')
  get(@Ctx() ctx: RequestContext, @Param('id', ObjectIdPipe) id: string): Promise<ConsultationDto> {
    return this.consultations.get(ctx, id);
  }

  @Post(':id/cancel')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Cancel a consultation before it takes place (the requester, or staff)' })
  @ApiOkResponse({ type: ConsultationDto })
  @ApiProblem(404, 'No such consultation, or not yours to see')
  @ApiProblem(409, 'It already took place or ended')
  cancel(@Ctx() ctx: RequestContext, @Param('id', ObjectIdPipe) id: string, @Body() body: CancelConsultationDto): Promise<ConsultationDto> {
    return this.consultations.cancel(ctx, id, body.reason);
  }

  @Post(':id/transition')
  @Roles('staff', 'admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Confirm (with meeting details), reschedule, complete (with the outcome), cancel or mark a no-show (staff)' })
  @ApiOkResponse({ type: ConsultationDto })
  @ApiProblem(404, 'No such consultation')
  @ApiProblem(409, 'The lifecycle does not allow this action now')
  transition(
    @Ctx() ctx: RequestContext,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: ConsultationTransitionDto,
  ): Promise<ConsultationDto> {
    return this.consultations.transition(ctx, id, body);
  }

  @Post(':id/feedback')
  @Authenticated()
  @ApiOperation({ summary: 'Rate a completed consultation, once (the requester)' })
  @ApiCreatedResponse({ type: ConsultationDto })
  @ApiProblem(403, 'Only the requester gives feedback')
  @ApiProblem(404, 'No such consultation, or not yours to see')
  @ApiProblem(409, 'Not completed yet, or feedback already given')
  feedback(@Ctx() ctx: RequestContext, @Param('id', ObjectIdPipe) id: string, @Body() body: FeedbackDto): Promise<ConsultationDto> {
    return this.consultations.feedback(ctx, id, body);
  }
}
