import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Public } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { PageOf, PageQueryDto, type Page } from '../../core/http/pagination.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { RateLimit } from '../../core/http/rate-limit.js';
import { AttendanceService } from './attendance.service.js';
import { EmailParamPipe } from '../../core/http/email-param.pipe.js';
import { EngagementDto, RegisterForWebinarDto, WebinarFeedbackDto } from './dto/registration-input.dto.js';
import { JoinedDto, RegistrationDto } from './dto/registration.dto.js';
import { MANAGE_TOKEN_HEADER } from './manage-tokens.js';
import { Credentials, type RegistrantCredentials } from './registrant-credentials.js';
import { RegistrationsService } from './registrations.service.js';

const RegistrationPage = PageOf(RegistrationDto);

/** Registrant routes are public: a registrant without an account proves who they are with the mailed manage token. */
const RegistrantAccess = () => (target: object, key: string | symbol, descriptor: PropertyDescriptor) => {
  Public({ identify: true })(target, key, descriptor);
  RateLimit('public')(target, key, descriptor);
  ApiHeader({ name: MANAGE_TOKEN_HEADER, required: false, description: 'The manage token mailed on registration' })(
    target,
    key,
    descriptor,
  );
  ApiProblem(404, 'No such registration, or not yours')(target, key, descriptor);
};

@ApiTags('webinars')
@Controller('webinars')
export class RegistrationsController {
  constructor(
    private readonly registrations: RegistrationsService,
    private readonly attendance: AttendanceService,
  ) {}

  @Post('register')
  @Public()
  @RateLimit('public')
  @ApiOperation({ summary: 'Register for a webinar: a seat, or the waitlist when it is full; the manage token is mailed' })
  @ApiCreatedResponse({ type: RegistrationDto })
  @ApiProblem(404, 'No such webinar')
  @ApiProblem(409, 'Already registered with this address, or registration closed')
  register(@Ctx() ctx: RequestContext, @Body() body: RegisterForWebinarDto): Promise<RegistrationDto> {
    return this.registrations.register(ctx, body);
  }

  @Get('registrations/user/:userId')
  @Authenticated()
  @ApiOperation({ summary: 'A user’s registrations, newest first (the user, or staff)' })
  @ApiOkResponse({ type: RegistrationPage })
  @ApiProblem(404, 'No such user, or not yours to see')
  listForUser(
    @Ctx() ctx: RequestContext,
    @Param('userId', ObjectIdPipe) userId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<RegistrationDto>> {
    return this.registrations.listForUser(ctx, userId, query);
  }

  @Get('registrations/email/:email')
  @RegistrantAccess()
  @ApiOperation({ summary: 'An address’s registrations (staff, or a manage token mailed to that address)' })
  @ApiOkResponse({ type: RegistrationPage })
  listForEmail(
    @Ctx() ctx: RequestContext,
    @Param('email', EmailParamPipe) email: string,
    @Query() query: PageQueryDto,
    @Credentials() credentials: RegistrantCredentials,
  ): Promise<Page<RegistrationDto>> {
    return this.registrations.listForEmail(ctx, email, query, credentials);
  }

  @Get('registrations/:registrationId')
  @RegistrantAccess()
  @ApiOperation({ summary: 'A registration (the registrant, or staff)' })
  @ApiOkResponse({ type: RegistrationDto })
  get(
    @Ctx() ctx: RequestContext,
    @Param('registrationId', ObjectIdPipe) id: string,
    @Credentials() credentials: RegistrantCredentials,
  ): Promise<RegistrationDto> {
    return this.registrations.get(ctx, id, credentials);
  }

  @Post('registrations/:id/cancel')
  @RegistrantAccess()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Cancel a registration; its seat goes to the first one waiting (the registrant, or staff)' })
  @ApiOkResponse({ type: RegistrationDto })
  @ApiProblem(409, 'Already attended (canceling a canceled registration changes nothing and answers 200)')
  cancel(
    @Ctx() ctx: RequestContext,
    @Param('id', ObjectIdPipe) id: string,
    @Credentials() credentials: RegistrantCredentials,
  ): Promise<RegistrationDto> {
    return this.registrations.cancel(ctx, id, credentials);
  }

  @Post('registrations/:id/join')
  @RegistrantAccess()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Join the webinar: records attendance and answers the join link (the registrant)' })
  @ApiOkResponse({ type: JoinedDto })
  @ApiProblem(403, 'Only the registrant joins')
  @ApiProblem(409, 'Not open yet (the answer says when), over, canceled, or no seat')
  join(
    @Ctx() ctx: RequestContext,
    @Param('id', ObjectIdPipe) id: string,
    @Credentials() credentials: RegistrantCredentials,
  ): Promise<JoinedDto> {
    return this.attendance.join(ctx, id, credentials);
  }

  @Post('registrations/:id/leave')
  @RegistrantAccess()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Leave the webinar: the visit’s minutes add to the attendance (the registrant)' })
  @ApiOkResponse({ type: RegistrationDto })
  @ApiProblem(403, 'Only the registrant leaves')
  @ApiProblem(409, 'Not in the webinar')
  leave(
    @Ctx() ctx: RequestContext,
    @Param('id', ObjectIdPipe) id: string,
    @Credentials() credentials: RegistrantCredentials,
  ): Promise<RegistrationDto> {
    return this.attendance.leave(ctx, id, credentials);
  }

  @Post('registrations/:id/feedback')
  @RegistrantAccess()
  @ApiOperation({ summary: 'Rate the webinar once, as an attendee, after it started (the registrant)' })
  @ApiCreatedResponse({ type: RegistrationDto })
  @ApiProblem(403, 'Only the registrant gives feedback')
  @ApiProblem(409, 'Not started, not attended, or feedback already given')
  feedback(
    @Ctx() ctx: RequestContext,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: WebinarFeedbackDto,
    @Credentials() credentials: RegistrantCredentials,
  ): Promise<RegistrationDto> {
    return this.attendance.feedback(ctx, id, body, credentials);
  }

  @Post('registrations/:id/engagement')
  @RegistrantAccess()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Count a question, poll answer or chat message (the registrant while live, or staff)' })
  @ApiOkResponse({ type: RegistrationDto })
  @ApiProblem(409, 'The webinar is not live, or no seat')
  engage(
    @Ctx() ctx: RequestContext,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: EngagementDto,
    @Credentials() credentials: RegistrantCredentials,
  ): Promise<RegistrationDto> {
    return this.attendance.engage(ctx, id, body, credentials);
  }
}
