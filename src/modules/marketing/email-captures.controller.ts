import { Body, Controller, Get, Header, HttpCode, HttpStatus, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { Public, Roles } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { PageOf, type Page } from '../../core/http/pagination.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import {
  CaptureAcceptedDto,
  CaptureStatusDto,
  CaptureTokenQueryDto,
  CreateEmailCaptureDto,
  EmailCaptureDto,
  EmailCaptureQueryDto,
} from './dto/email-capture.dto.js';
import { EmailCapturesService } from './email-captures.service.js';

const EmailCapturePage = PageOf(EmailCaptureDto);

@ApiTags('email captures')
@Controller('email-captures')
export class EmailCapturesController {
  constructor(private readonly captures: EmailCapturesService) {}

  @Post()
  @Public()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Sign up for emails; a confirmation link is mailed (double opt-in)' })
  @ApiAcceptedResponse({ type: CaptureAcceptedDto })
  async capture(@Ctx() ctx: RequestContext, @Body() body: CreateEmailCaptureDto): Promise<CaptureAcceptedDto> {
    await this.captures.capture(ctx, body);
    return { status: 'pending' };
  }

  @Get('confirm')
  @Public()
  @ApiOperation({ summary: 'Confirm a sign-up from the emailed link' })
  @ApiOkResponse({ type: CaptureStatusDto })
  @ApiProblem(409, 'The address was unsubscribed since; it signs up again to be asked anew')
  async confirm(@Ctx() ctx: RequestContext, @Query() query: CaptureTokenQueryDto): Promise<CaptureStatusDto> {
    return { status: await this.captures.confirm(ctx, query.token) };
  }

  @Get('unsubscribe')
  @Public()
  @ApiOperation({ summary: 'Leave the list from an email’s link' })
  @ApiOkResponse({ type: CaptureStatusDto })
  async unsubscribe(@Ctx() ctx: RequestContext, @Query() query: CaptureTokenQueryDto): Promise<CaptureStatusDto> {
    return { status: await this.captures.unsubscribe(ctx, query.token) };
  }

  @Post('unsubscribe')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'One-click unsubscribe (RFC 8058 List-Unsubscribe-Post)' })
  @ApiOkResponse({ type: CaptureStatusDto })
  async unsubscribeOneClick(@Ctx() ctx: RequestContext, @Query() query: CaptureTokenQueryDto): Promise<CaptureStatusDto> {
    return { status: await this.captures.unsubscribe(ctx, query.token) };
  }

  @Get()
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'List sign-ups by status (staff)' })
  @ApiOkResponse({ type: EmailCapturePage })
  list(@Ctx() ctx: RequestContext, @Query() query: EmailCaptureQueryDto): Promise<Page<EmailCaptureDto>> {
    return this.captures.list(ctx, query);
  }

  @Get('export')
  @Roles('staff', 'admin')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'Export sign-ups as CSV (staff)' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV with a header row', content: { 'text/csv': { schema: { type: 'string' } } } })
  async export(@Ctx() ctx: RequestContext, @Query() query: EmailCaptureQueryDto, @Res() reply: FastifyReply): Promise<void> {
    await reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', 'attachment; filename="email-captures.csv"')
      .send(Readable.from(this.captures.exportCsv(ctx, query.status)));
  }
}
