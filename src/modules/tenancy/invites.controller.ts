import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../core/auth/access.decorators.js';
import { Ctx, type ActorContext, type RequestContext } from '../../core/auth/request-context.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { PageOf, type Page } from '../../core/http/pagination.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { AcceptedInviteDto, AcceptInviteDto, CreateInviteDto, InviteDto, InviteQueryDto } from './dto/invite.dto.js';
import { InvitesService } from './invites.service.js';

const InvitePage = PageOf(InviteDto);

@ApiTags('tenancy')
@Controller()
export class InvitesController {
  constructor(private readonly invites: InvitesService) {}

  @Post('tenants/:tenantId/invites')
  @Authenticated()
  @ApiOperation({ summary: 'Invite an address to the tenant with a role; the link is emailed (owners and admins, or staff)' })
  @ApiCreatedResponse({ type: InviteDto })
  @ApiProblem(403, 'Members and viewers do not invite; only owners invite owners')
  @ApiProblem(404, 'No such tenant, or not a member')
  @ApiProblem(409, 'Already a member, already invited, or too many pending invites')
  create(@Ctx() ctx: ActorContext, @Param('tenantId', ObjectIdPipe) tenantId: string, @Body() body: CreateInviteDto): Promise<InviteDto> {
    return this.invites.create(ctx, tenantId, body);
  }

  @Get('tenants/:tenantId/invites')
  @Authenticated()
  @ApiOperation({ summary: 'The tenant’s invites, newest first, optionally of one status (owners and admins, or staff)' })
  @ApiOkResponse({ type: InvitePage })
  @ApiProblem(403, 'Members and viewers do not see invites')
  @ApiProblem(404, 'No such tenant, or not a member')
  list(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Query() query: InviteQueryDto,
  ): Promise<Page<InviteDto>> {
    return this.invites.list(ctx, tenantId, query);
  }

  @Delete('tenants/:tenantId/invites/:inviteId')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Revoke a pending or expired invite (owners and admins, or staff)' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiProblem(403, 'Members and viewers do not manage invites')
  @ApiProblem(404, 'No such tenant or invite')
  @ApiProblem(409, 'The invite was already accepted or revoked')
  revoke(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('inviteId', ObjectIdPipe) inviteId: string,
  ): Promise<void> {
    return this.invites.revoke(ctx, tenantId, inviteId);
  }

  @Post('tenants/:tenantId/invites/:inviteId/resend')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Email a pending or expired invite again with a new link and expiry (owners and admins, or staff)' })
  @ApiOkResponse({ type: InviteDto })
  @ApiProblem(403, 'Members and viewers do not manage invites')
  @ApiProblem(404, 'No such tenant or invite')
  @ApiProblem(409, 'The invite was accepted or revoked, or the address was invited again meanwhile')
  resend(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('inviteId', ObjectIdPipe) inviteId: string,
  ): Promise<InviteDto> {
    return this.invites.resend(ctx, tenantId, inviteId);
  }

  @Post('invites/accept')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Accept an invitation with the emailed token, signed in as the invited (and verified) address' })
  @ApiOkResponse({ type: AcceptedInviteDto })
  @ApiProblem(
    403,
    'The caller’s email is not verified yet (email-not-verified: verify it, or resend at POST /api/auth/verify-email/resend), ' +
      'or the invitation was sent to another address (invite-email-mismatch)',
  )
  @ApiProblem(404, 'No invitation has this token')
  @ApiProblem(409, 'Already accepted or revoked')
  @ApiProblem(410, 'The invitation expired')
  accept(@Ctx() ctx: ActorContext, @Body() body: AcceptInviteDto): Promise<AcceptedInviteDto> {
    return this.invites.accept(ctx, body.token);
  }
}
