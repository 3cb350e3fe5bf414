import { applyDecorators, Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Public } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { EmailParamPipe } from '../../core/http/email-param.pipe.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { PageOf, PageQueryDto, type Page } from '../../core/http/pagination.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { RateLimit } from '../../core/http/rate-limit.js';
import { AcceptsUpload, UploadedPart, UploadFields, type UploadPart } from '../files/index.js';
import { ApplicationRefPipe } from './application-ref.pipe.js';
import { ApplicationsService } from './applications.service.js';
import {
  ApplicationFieldsDto,
  FollowUpLinkRequestDto,
  FollowUpPageQueryDto,
  FollowUpTokenQueryDto,
  SubmitApplicationDto,
  WithdrawApplicationDto,
} from './dto/application-input.dto.js';
import { ApplicationDto, ApplicationSummaryDto, FollowUpLinkAcceptedDto } from './dto/application.dto.js';
import { OffersService } from './offers.service.js';

const ApplicationSummaryPage = PageOf(ApplicationSummaryDto);

/** The applicant's answer to an open offer: the same route, access and problems for either answer. */
const OfferAnswerRoute = (answer: 'accept' | 'decline') =>
  applyDecorators(
    Post(`:id/offer/${answer}`),
    Public({ identify: true }),
    RateLimit('public'),
    HttpCode(HttpStatus.OK),
    ApiOperation({
      summary: `${answer === 'accept' ? 'Accept' : 'Decline'} the open offer before it expires (the applicant, signed in or ?token=)`,
    }),
    ApiOkResponse({ type: ApplicationDto }),
    ApiProblem(401, 'Neither a session nor a follow-up token'),
    ApiProblem(403, 'Only the applicant answers an offer'),
    ApiProblem(404, 'No such application, or not yours to see'),
    ApiProblem(409, 'No open offer'),
    ApiProblem(410, 'The offer has expired'),
  );

/**
 * The applicant's side. These routes are public so an applicant without an account can use the
 * token from the mailed follow-up link (`?token=`); a signed-in applicant sends `Authorization: Bearer` instead,
 * which the guard checks as on any route (`identify`).
 */
@ApiTags('careers')
@Controller('careers/applications')
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly offers: OffersService,
  ) {}

  @Post()
  @Public({ identify: true })
  @RateLimit('public')
  @ApiOperation({
    summary: 'Apply to an open job posting with a resume link; the applicant is mailed a follow-up link',
    description:
      'Signed in (Authorization: Bearer) the application is also listed on the account. One active application per posting and address.',
  })
  @ApiCreatedResponse({ type: ApplicationDto })
  @ApiProblem(404, 'No open posting with this id')
  @ApiProblem(409, 'This address already has an active application for this posting')
  submit(@Ctx() ctx: RequestContext, @Body() body: SubmitApplicationDto): Promise<ApplicationDto> {
    return this.applications.submit(ctx, body, { url: body.resumeUrl });
  }

  @Post('upload')
  @Public({ identify: true })
  @RateLimit('public')
  @AcceptsUpload()
  @ApiOperation({
    summary: 'Apply with an uploaded resume (multipart/form-data: the fields first, then the file in `file`)',
    description: 'PDF, DOCX, ODT, RTF or plain text, detected from the content, up to 10 MiB. Otherwise as POST /api/careers/applications.',
  })
  @ApiCreatedResponse({ type: ApplicationDto })
  @ApiProblem(404, 'No open posting with this id')
  @ApiProblem(409, 'This address already has an active application for this posting')
  @ApiProblem(413, 'The file is too large')
  @ApiProblem(415, 'Not multipart, or not a resume type')
  submitWithFile(
    @Ctx() ctx: RequestContext,
    @UploadFields(ApplicationFieldsDto) fields: ApplicationFieldsDto,
    @UploadedPart() part: UploadPart,
  ): Promise<ApplicationDto> {
    return this.applications.submitWithFile(ctx, fields, part);
  }

  @Post('follow-up-link')
  @Public()
  @RateLimit('public')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Mail a new follow-up link to an address; always 202, mails only if the address applied' })
  @ApiAcceptedResponse({ type: FollowUpLinkAcceptedDto })
  async followUpLink(@Ctx() ctx: RequestContext, @Body() body: FollowUpLinkRequestDto): Promise<FollowUpLinkAcceptedDto> {
    await this.applications.requestFollowUpLink(ctx, body.email);
    return { status: 'accepted' };
  }

  @Get('user/:userId')
  @Authenticated()
  @ApiOperation({ summary: 'A user’s applications, newest first (the user, or staff)' })
  @ApiOkResponse({ type: ApplicationSummaryPage })
  @ApiProblem(404, 'No such user, or not yours to see')
  listForUser(
    @Ctx() ctx: RequestContext,
    @Param('userId', ObjectIdPipe) userId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<ApplicationSummaryDto>> {
    return this.applications.listForUser(ctx, userId, query);
  }

  @Get('email/:email')
  @Public({ identify: true })
  @RateLimit('public')
  @ApiOperation({
    summary: 'The applications from one address: staff, or with that address’s follow-up token (?token=)',
    description: 'The address alone is never enough. Without a token or session: 401; with another address’s token: 404.',
  })
  @ApiOkResponse({ type: ApplicationSummaryPage })
  @ApiProblem(401, 'Neither a session nor a follow-up token')
  @ApiProblem(404, 'The token is not valid for this address')
  listForEmail(
    @Ctx() ctx: RequestContext,
    @Param('email', EmailParamPipe) email: string,
    @Query() query: FollowUpPageQueryDto,
  ): Promise<Page<ApplicationSummaryDto>> {
    return this.applications.listForEmail(ctx, email, { token: query.token }, query);
  }

  @Get(':applicationId')
  @Public({ identify: true })
  @RateLimit('public')
  @ApiOperation({
    summary: 'One application: the applicant’s view (signed in or ?token=), or the staff view with feedback, scores and notes',
  })
  @ApiOkResponse({ type: ApplicationDto })
  @ApiProblem(401, 'Neither a session nor a follow-up token')
  @ApiProblem(404, 'No such application, or not yours to see')
  get(
    @Ctx() ctx: RequestContext,
    @Param('applicationId', ApplicationRefPipe) applicationId: string,
    @Query() query: FollowUpTokenQueryDto,
  ): Promise<ApplicationDto> {
    return this.applications.get(ctx, applicationId, { token: query.token });
  }

  @Post(':id/withdraw')
  @Public({ identify: true })
  @RateLimit('public')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Withdraw an application from any stage that is not final (the applicant, signed in or ?token=)' })
  @ApiOkResponse({ type: ApplicationDto })
  @ApiProblem(401, 'Neither a session nor a follow-up token')
  @ApiProblem(403, 'Only the applicant withdraws')
  @ApiProblem(404, 'No such application, or not yours to see')
  @ApiProblem(409, 'The application is already final')
  withdraw(
    @Ctx() ctx: RequestContext,
    @Param('id', ObjectIdPipe) id: string,
    @Query() query: FollowUpTokenQueryDto,
    @Body() body: WithdrawApplicationDto,
  ): Promise<ApplicationDto> {
    return this.applications.withdraw(ctx, id, { token: query.token }, body.reason);
  }

  @OfferAnswerRoute('accept')
  accept(
    @Ctx() ctx: RequestContext,
    @Param('id', ObjectIdPipe) id: string,
    @Query() query: FollowUpTokenQueryDto,
  ): Promise<ApplicationDto> {
    return this.offers.answer(ctx, id, { token: query.token }, 'accept');
  }

  @OfferAnswerRoute('decline')
  decline(
    @Ctx() ctx: RequestContext,
    @Param('id', ObjectIdPipe) id: string,
    @Query() query: FollowUpTokenQueryDto,
  ): Promise<ApplicationDto> {
    return this.offers.answer(ctx, id, { token: query.token }, 'decline');
  }
}
