import { Body, Controller, Get, Header, HttpCode, HttpStatus, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { PageOf, type Page } from '../../core/http/pagination.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { ApplicationDto, ApplicationSummaryDto, ResumeDownloadDto } from './dto/application.dto.js';
import {
  ApplicationNoteDto,
  AssignReviewerDto,
  InterviewFeedbackDto,
  MakeOfferDto,
  PipelineExportQueryDto,
  PipelineQueryDto,
  ScheduleInterviewDto,
  TransitionApplicationDto,
} from './dto/pipeline-input.dto.js';
import { InterviewsService } from './interviews.service.js';
import { OffersService } from './offers.service.js';
import { PipelineService } from './pipeline.service.js';

const PipelinePage = PageOf(ApplicationSummaryDto);

/** The hiring pipeline (staff): the list and its export, stage moves, reviewers, notes, interviews and offers. */
@ApiTags('careers')
@Controller('careers/applications')
export class PipelineController {
  constructor(
    private readonly pipeline: PipelineService,
    private readonly interviews: InterviewsService,
    private readonly offers: OffersService,
  ) {}

  @Get()
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'The pipeline, newest first, by posting, stage, reviewer and submission dates (staff)' })
  @ApiOkResponse({ type: PipelinePage })
  list(@Ctx() ctx: RequestContext, @Query() query: PipelineQueryDto): Promise<Page<ApplicationSummaryDto>> {
    return this.pipeline.list(ctx, query);
  }

  @Get('export')
  @Roles('staff', 'admin')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'Export the filtered pipeline as CSV (default) or JSON, newest first, up to CAREERS_EXPORT_MAX_ROWS (staff)' })
  @ApiProduces('text/csv', 'application/json')
  @ApiOkResponse({
    description: 'CSV with a header row, or a JSON array of application summaries',
    content: { 'text/csv': { schema: { type: 'string' } }, 'application/json': { schema: { type: 'array', items: { type: 'object' } } } },
  })
  async export(@Ctx() ctx: RequestContext, @Query() query: PipelineExportQueryDto, @Res() reply: FastifyReply): Promise<void> {
    const { contentType, body } = await this.pipeline.export(ctx, query);
    const extension = contentType.startsWith('text/csv') ? 'csv' : 'json';
    await reply
      .header('Content-Type', contentType)
      .header('Content-Disposition', `attachment; filename="applications.${extension}"`)
      .send(body);
  }

  @Get(':id/resume')
  @Roles('staff', 'admin')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'The resume: the link given, or a short-lived signed download URL for an uploaded file (staff)' })
  @ApiOkResponse({ type: ResumeDownloadDto })
  @ApiProblem(404, 'No such application, or it keeps no resume')
  resume(@Ctx() ctx: RequestContext, @Param('id', ObjectIdPipe) id: string): Promise<ResumeDownloadDto> {
    return this.pipeline.resume(ctx, id);
  }

  @Post(':id/transitions')
  @Roles('staff', 'admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Move an application to another stage along the allowed transitions; the applicant is told (staff)' })
  @ApiOkResponse({ type: ApplicationDto })
  @ApiProblem(404, 'No such application')
  @ApiProblem(409, 'The pipeline does not allow this move')
  transition(
    @Ctx() ctx: RequestContext,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: TransitionApplicationDto,
  ): Promise<ApplicationDto> {
    return this.pipeline.transition(ctx, id, body);
  }

  @Post(':id/reviewer')
  @Roles('staff', 'admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Assign a reviewer (staff)' })
  @ApiOkResponse({ type: ApplicationDto })
  @ApiProblem(404, 'No such application')
  assignReviewer(
    @Ctx() ctx: RequestContext,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: AssignReviewerDto,
  ): Promise<ApplicationDto> {
    return this.pipeline.assignReviewer(ctx, id, body.reviewerId);
  }

  @Post(':id/notes')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Add an internal note, never shown to the applicant (staff)' })
  @ApiCreatedResponse({ type: ApplicationDto })
  @ApiProblem(404, 'No such application')
  @ApiProblem(409, 'The application holds the most notes it may')
  addNote(@Ctx() ctx: RequestContext, @Param('id', ObjectIdPipe) id: string, @Body() body: ApplicationNoteDto): Promise<ApplicationDto> {
    return this.pipeline.addNote(ctx, id, body.body);
  }

  @Post(':id/interviews')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Schedule an interview; the applicant is told (staff)' })
  @ApiCreatedResponse({ type: ApplicationDto })
  @ApiProblem(404, 'No such application')
  @ApiProblem(409, 'The application is final, or holds the most interviews it may')
  schedule(@Ctx() ctx: RequestContext, @Param('id', ObjectIdPipe) id: string, @Body() body: ScheduleInterviewDto): Promise<ApplicationDto> {
    return this.interviews.schedule(ctx, id, body);
  }

  @Patch(':id/interviews/:interviewId')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Record an interview’s feedback and score (1–5), never shown to the applicant (staff)' })
  @ApiOkResponse({ type: ApplicationDto })
  @ApiProblem(404, 'No such application or interview')
  recordFeedback(
    @Ctx() ctx: RequestContext,
    @Param('id', ObjectIdPipe) id: string,
    @Param('interviewId', ObjectIdPipe) interviewId: string,
    @Body() body: InterviewFeedbackDto,
  ): Promise<ApplicationDto> {
    return this.interviews.recordFeedback(ctx, id, interviewId, body);
  }

  @Post(':id/offer')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Make an offer; the application enters offer_extended and the applicant is told (staff)' })
  @ApiCreatedResponse({ type: ApplicationDto })
  @ApiProblem(404, 'No such application')
  @ApiProblem(409, 'Not at a stage that allows an offer, or an offer is already open')
  makeOffer(@Ctx() ctx: RequestContext, @Param('id', ObjectIdPipe) id: string, @Body() body: MakeOfferDto): Promise<ApplicationDto> {
    return this.offers.make(ctx, id, body);
  }
}
