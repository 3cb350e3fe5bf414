import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, Public } from '../../core/auth/access.decorators.js';
import type { Actor } from '../../core/auth/roles.js';
import { Client, type ClientInfo } from '../../core/http/client-info.js';
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
  register(@Body() body: RegisterDto, @Client() client: ClientInfo): Promise<AuthResultDto> {
    return this.auth.register(body, client);
  }

  @Post('login')
  @Public()
  @RateLimit('auth')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Sign in with email and password' })
  @ApiOkResponse({ type: AuthResultDto })
  @ApiProblem(401, 'Wrong email or password (the same answer for both)')
  @ApiProblem(429, 'Too many failed attempts for this email or address')
  login(@Body() body: LoginDto, @Client() client: ClientInfo): Promise<AuthResultDto> {
    return this.auth.login(body, client);
  }

  @Post('refresh')
  @Public()
  @RateLimit('auth')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Exchange a refresh token for new tokens (the old one stops working)' })
  @ApiOkResponse({ type: TokensDto })
  @ApiProblem(401, 'Refresh token invalid, expired, revoked or already used (reuse revokes the session)')
  refresh(@Body() body: RefreshDto, @Client() client: ClientInfo): Promise<TokensDto> {
    return this.auth.refresh(body.refreshToken, client);
  }

  @Post('logout')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'End the current session' })
  @ApiNoContentResponse({ description: 'Signed out' })
  logout(@CurrentUser() actor: Actor, @Client() client: ClientInfo): Promise<void> {
    return this.auth.logout(actor, client);
  }

  @Post('password')
  @Authenticated()
  @RateLimit('auth')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Change my password; other sessions are signed out' })
  @ApiNoContentResponse({ description: 'Password changed' })
  changePassword(@CurrentUser() actor: Actor, @Body() body: ChangePasswordDto, @Client() client: ClientInfo): Promise<void> {
    return this.auth.changePassword(actor, body, client);
  }

  @Get('sessions')
  @Authenticated()
  @ApiOperation({ summary: 'List my active sessions' })
  @ApiOkResponse({ type: SessionDto, isArray: true })
  listSessions(@CurrentUser() actor: Actor): Promise<SessionDto[]> {
    return this.sessions.listActive(actor);
  }

  @Delete('sessions/:id')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Revoke one of my sessions (staff: anyone\u2019s)' })
  @ApiNoContentResponse({ description: 'Revoked' })
  revokeSession(@CurrentUser() actor: Actor, @Param('id', ObjectIdPipe) id: string, @Client() client: ClientInfo): Promise<void> {
    return this.auth.revokeSession(actor, id, client);
  }
}
