import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../core/auth/access.decorators.js';
import { Ctx, type ActorContext, type RequestContext } from '../../core/auth/request-context.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { PageOf, type Page } from '../../core/http/pagination.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { AddMemberDto, ChangeMemberRoleDto, MemberDto, MemberQueryDto, TransferOwnershipDto } from './dto/member.dto.js';
import { MembersService } from './members.service.js';

const MemberPage = PageOf(MemberDto);

@ApiTags('tenancy')
@Controller('tenants/:tenantId')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get('members')
  @Authenticated()
  @ApiOperation({ summary: 'The tenant’s members by join date, optionally of one role (members, or staff)' })
  @ApiOkResponse({ type: MemberPage })
  @ApiProblem(404, 'No such tenant, or not a member')
  list(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Query() query: MemberQueryDto,
  ): Promise<Page<MemberDto>> {
    return this.members.list(ctx, tenantId, query);
  }

  @Post('members')
  @Authenticated()
  @ApiOperation({ summary: 'Add an existing user by id or email (owners and admins, or staff); invite anyone else' })
  @ApiCreatedResponse({ type: MemberDto })
  @ApiProblem(403, 'Members and viewers do not add people; admins do not make owners')
  @ApiProblem(400, 'No account with that id or address (invite it instead)')
  @ApiProblem(404, 'No such tenant')
  @ApiProblem(409, 'Already a member')
  add(@Ctx() ctx: ActorContext, @Param('tenantId', ObjectIdPipe) tenantId: string, @Body() body: AddMemberDto): Promise<MemberDto> {
    return this.members.add(ctx, tenantId, body);
  }

  @Patch('members/:userId')
  @Authenticated()
  @ApiOperation({ summary: 'Change a member’s role (owners; admins among admin, member and viewer; or staff)' })
  @ApiOkResponse({ type: MemberDto })
  @ApiProblem(403, 'The caller’s role may not make this change')
  @ApiProblem(404, 'No such tenant or member')
  @ApiProblem(409, 'The tenant’s last owner cannot be demoted, or the role changed meanwhile')
  changeRole(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('userId', ObjectIdPipe) userId: string,
    @Body() body: ChangeMemberRoleDto,
  ): Promise<MemberDto> {
    return this.members.changeRole(ctx, tenantId, userId, body.role);
  }

  @Delete('members/:userId')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a member (owners and admins, or staff), or leave (yourself); leaves their teams too' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiProblem(403, 'Members and viewers remove only themselves; only owners remove owners')
  @ApiProblem(404, 'No such tenant or member')
  @ApiProblem(409, 'The tenant’s last owner cannot leave')
  remove(
    @Ctx() ctx: ActorContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('userId', ObjectIdPipe) userId: string,
  ): Promise<void> {
    return this.members.remove(ctx, tenantId, userId);
  }

  @Post('transfer-ownership')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Make another member owner; the caller becomes admin (owners only)' })
  @ApiOkResponse({ type: MemberDto, description: 'The new owner' })
  @ApiProblem(403, 'Only an owner hands ownership over')
  @ApiProblem(404, 'No such tenant, or the user is not a member')
  transfer(
    @Ctx() ctx: ActorContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Body() body: TransferOwnershipDto,
  ): Promise<MemberDto> {
    return this.members.transferOwnership(ctx, tenantId, body.userId);
  }
}
