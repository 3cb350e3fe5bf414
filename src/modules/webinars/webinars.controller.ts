import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public, Roles } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { PageOf, PageQueryDto, type Page } from '../../core/http/pagination.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { RateLimit } from '../../core/http/rate-limit.js';
import { RegistrationQueryDto } from './dto/registration-input.dto.js';
import { RegistrationDto } from './dto/registration.dto.js';
import { CreateWebinarDto, ExportQueryDto, UpdateWebinarDto, WebinarQueryDto, WebinarTransitionDto } from './dto/webinar-input.dto.js';
import { WebinarDto, WebinarReportDto } from './dto/webinar.dto.js';
import { WebinarReportsService } from './webinar-reports.service.js';
import { WebinarsService } from './webinars.service.js';

const WebinarPage = PageOf(WebinarDto);
const RegistrationPage = PageOf(RegistrationDto);

@ApiTags('webinars')
@Controller('webinars')
export class WebinarsController {
  constructor(
    private readonly webinars: WebinarsService,
    private readonly reports: WebinarReportsService,
  ) {}

  @Get()
  @Public()
  @RateLimit('public')
  @ApiOperation({ summary: 'Upcoming and live webinars, soonest first' })
  @ApiOkResponse({ type: WebinarPage })
  upcoming(@Ctx() ctx: RequestContext, @Query() query: PageQueryDto): Promise<Page<WebinarDto>> {
    return this.webinars.upcoming(ctx, query);
  }

  @Get('all')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Every webinar, drafts and past ones included, by start (staff)' })
  @ApiOkResponse({ type: WebinarPage })
  list(@Ctx() ctx: RequestContext, @Query() query: WebinarQueryDto): Promise<Page<WebinarDto>> {
    return this.webinars.list(ctx, query);
  }

  @Post()
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Create a webinar as a draft (staff)' })
  @ApiCreatedResponse({ type: WebinarDto })
  create(@Ctx() ctx: RequestContext, @Body() body: CreateWebinarDto): Promise<WebinarDto> {
    return this.webinars.create(ctx, body);
  }

  @Get(':id')
  @Public({ identify: true })
  @RateLimit('public')
  @ApiOperation({ summary: 'A published webinar, without its join link (staff: any webinar, with the link)' })
  @ApiOkResponse({ type: WebinarDto })
  @ApiProblem(404, 'No such webinar')
  get(@Ctx() ctx: RequestContext, @Param('id', ObjectIdPipe) id: string): Promise<WebinarDto> {
    return this.webinars.get(ctx, id);
  }

  @Patch(':id')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Edit a webinar that has not ended (staff)' })
  @ApiOkResponse({ type: WebinarDto })
  @ApiProblem(404, 'No such webinar')
  @ApiProblem(409, 'Ended or canceled, or a capacity below the seats taken')
  update(@Ctx() ctx: RequestContext, @Param('id', ObjectIdPipe) id: string, @Body() body: UpdateWebinarDto): Promise<WebinarDto> {
    return this.webinars.update(ctx, id, body);
  }

  @Post(':id/transition')
  @Roles('staff', 'admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Move a webinar: publish (scheduled), go live, end or cancel (staff)' })
  @ApiOkResponse({ type: WebinarDto })
  @ApiProblem(404, 'No such webinar')
  @ApiProblem(409, 'The lifecycle does not allow this move')
  transition(@Ctx() ctx: RequestContext, @Param('id', ObjectIdPipe) id: string, @Body() body: WebinarTransitionDto): Promise<WebinarDto> {
    return this.webinars.transition(ctx, id, body);
  }

  @Get(':id/registrations')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'A webinar’s registrations by status, in registration order (staff)' })
  @ApiOkResponse({ type: RegistrationPage })
  @ApiProblem(404, 'No such webinar')
  registrations(
    @Ctx() ctx: RequestContext,
    @Param('id', ObjectIdPipe) id: string,
    @Query() query: RegistrationQueryDto,
  ): Promise<Page<RegistrationDto>> {
    return this.reports.registrationsOf(ctx, id, query);
  }

  @Get(':id/report')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Attendance report: registered, attended, attendance rate, average minutes and rating (staff)' })
  @ApiOkResponse({ type: WebinarReportDto })
  @ApiProblem(404, 'No such webinar')
  report(@Ctx() ctx: RequestContext, @Param('id', ObjectIdPipe) id: string): Promise<WebinarReportDto> {
    return this.reports.report(ctx, id);
  }

  @Get(':id/export')
  @Roles('staff', 'admin')
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({ summary: 'Every registration of a webinar as JSON or CSV (staff)' })
  @ApiOkResponse({ type: [RegistrationDto] })
  @ApiProblem(404, 'No such webinar')
  async export(
    @Ctx() ctx: RequestContext,
    @Param('id', ObjectIdPipe) id: string,
    @Query() query: ExportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RegistrationDto[] | string> {
    if (query.format === 'csv')
      void reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="webinar-${id}.csv"`);
    return this.reports.export(ctx, id, query.format);
  }
}
