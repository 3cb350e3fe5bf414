import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Public } from '../../core/auth/access.decorators.js';
import { Ctx, type ActorContext, type RequestContext } from '../../core/auth/request-context.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { RateLimit } from '../../core/http/rate-limit.js';
import { AuthService } from './auth.service.js';
import { AuthResultDto, ChangePasswordDto, LoginDto, RefreshDto, RegisterDto, TokensDto } from './dto/auth.dto.js';
import { SessionDto } from './dto/session.dto.js';
import { SessionsService } from './sessions.service.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
  ) {}

  @Post('register')
  @Public()
  @RateLimit('auth')
  @ApiOperation({ summary: 'Create an account and sign in' })
  @ApiCreatedResponse({ type: AuthResultDto })
  @ApiProblem(409, 'Email already registered')
  register(@Ctx() ctx: RequestContext, @Body() body: RegisterDto): Promise<AuthResultDto> {
    return this.auth.register(ctx, body);
  }

  @Post('login')
  @Public()
  @RateLimit('auth')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Sign in with email and password' })
  @ApiOkResponse({ type: AuthResultDto })
  @ApiProblem(401, 'Wrong email or password (the same answer for both)')
  @ApiProblem(429, 'Too many failed attempts for this email or address')
  login(@Ctx() ctx: RequestContext, @Body() body: LoginDto): Promise<AuthResultDto> {
    return this.auth.login(ctx, body);
  }

  @Post('refresh')
  @Public()
  @RateLimit('auth')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Exchange a refresh token for new tokens (the old one stops working)' })
  @ApiOkResponse({ type: TokensDto })
  @ApiProblem(401, 'Refresh token invalid, expired, revoked or already used (reuse revokes the session)')
  refresh(@Ctx() ctx: RequestContext, @Body() body: RefreshDto): Promise<TokensDto> {
    return this.auth.refresh(ctx, body.refreshToken);
  }

  @Post('logout')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'End the current session' })
  @ApiNoContentResponse({ description: 'Signed out' })
  logout(@Ctx() ctx: ActorContext): Promise<void> {
    return this.auth.logout(ctx);
  }

  @Post('password')
  @Authenticated()
  @RateLimit('auth')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Change my password; other sessions are signed out' })
  @ApiNoContentResponse({ description: 'Password changed' })
  changePassword(@Ctx() ctx: ActorContext, @Body() body: ChangePasswordDto): Promise<void> {
    return this.auth.changePassword(ctx, body);
  }

  @Get('sessions')
  @Authenticated()
  @ApiOperation({ summary: 'List my active sessions' })
  @ApiOkResponse({ type: SessionDto, isArray: true })
  listSessions(@Ctx() ctx: ActorContext): Promise<SessionDto[]> {
    return this.sessions.listActive(ctx);
  }

  @Delete('sessions/:id')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Revoke one of my sessions (staff: anyone\u2019s)' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiProblem(404, 'No such session (another user\u2019s sessions do not exist for the caller)')
  revokeSession(@Ctx() ctx: ActorContext, @Param('id', ObjectIdPipe) id: string): Promise<void> {
    return this.auth.revokeSession(ctx, id);
  }
}
