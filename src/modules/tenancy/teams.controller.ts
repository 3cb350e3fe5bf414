import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { PageOf, PageQueryDto, type Page } from '../../core/http/pagination.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { AddTeamMemberDto, ChangeTeamRoleDto, CreateTeamDto, TeamDto, TeamMemberDto, UpdateTeamDto } from './dto/team.dto.js';
import { TeamsService } from './teams.service.js';

const TeamPage = PageOf(TeamDto);
const TeamMemberPage = PageOf(TeamMemberDto);

@ApiTags('tenancy')
@Controller('tenants/:tenantId/teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'The tenant’s teams by name (members, or staff)' })
  @ApiOkResponse({ type: TeamPage })
  @ApiProblem(404, 'No such tenant, or not a member')
  list(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<TeamDto>> {
    return this.teams.list(ctx, tenantId, query);
  }

  @Post()
  @Authenticated()
  @ApiOperation({ summary: 'Create a team (owners and admins, or staff)' })
  @ApiCreatedResponse({ type: TeamDto })
  @ApiProblem(403, 'Members and viewers do not manage teams')
  @ApiProblem(404, 'No such tenant, or not a member')
  @ApiProblem(409, 'The tenant has a team of that name')
  create(@Ctx() ctx: RequestContext, @Param('tenantId', ObjectIdPipe) tenantId: string, @Body() body: CreateTeamDto): Promise<TeamDto> {
    return this.teams.create(ctx, tenantId, body);
  }

  @Get(':teamId')
  @Authenticated()
  @ApiOperation({ summary: 'A team (members, or staff)' })
  @ApiOkResponse({ type: TeamDto })
  @ApiProblem(404, 'No such tenant or team')
  get(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('teamId', ObjectIdPipe) teamId: string,
  ): Promise<TeamDto> {
    return this.teams.get(ctx, tenantId, teamId);
  }

  @Patch(':teamId')
  @Authenticated()
  @ApiOperation({ summary: 'Rename a team or change its description (owners and admins, or staff)' })
  @ApiOkResponse({ type: TeamDto })
  @ApiProblem(403, 'Members and viewers do not manage teams')
  @ApiProblem(404, 'No such tenant or team')
  @ApiProblem(409, 'The tenant has a team of that name')
  update(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('teamId', ObjectIdPipe) teamId: string,
    @Body() body: UpdateTeamDto,
  ): Promise<TeamDto> {
    return this.teams.update(ctx, tenantId, teamId, body);
  }

  @Delete(':teamId')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a team and its member list (owners and admins, or staff)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblem(403, 'Members and viewers do not manage teams')
  @ApiProblem(404, 'No such tenant or team')
  remove(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('teamId', ObjectIdPipe) teamId: string,
  ): Promise<void> {
    return this.teams.remove(ctx, tenantId, teamId);
  }

  @Get(':teamId/members')
  @Authenticated()
  @ApiOperation({ summary: 'Who is in a team, by when they joined (members, or staff)' })
  @ApiOkResponse({ type: TeamMemberPage })
  @ApiProblem(404, 'No such tenant or team')
  members(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('teamId', ObjectIdPipe) teamId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<TeamMemberDto>> {
    return this.teams.members(ctx, tenantId, teamId, query);
  }

  @Post(':teamId/members')
  @Authenticated()
  @ApiOperation({ summary: 'Put a tenant member in a team as lead or member (owners and admins, or staff)' })
  @ApiCreatedResponse({ type: TeamMemberDto })
  @ApiProblem(403, 'Members and viewers do not manage teams')
  @ApiProblem(404, 'No such tenant or team')
  @ApiProblem(409, 'Already in the team')
  @ApiProblem(422, 'The user is not a member of the tenant')
  addMember(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('teamId', ObjectIdPipe) teamId: string,
    @Body() body: AddTeamMemberDto,
  ): Promise<TeamMemberDto> {
    return this.teams.addMember(ctx, tenantId, teamId, body);
  }

  @Patch(':teamId/members/:userId')
  @Authenticated()
  @ApiOperation({ summary: 'Make a team member lead or member (owners and admins, or staff)' })
  @ApiOkResponse({ type: TeamMemberDto })
  @ApiProblem(403, 'Members and viewers do not manage teams')
  @ApiProblem(404, 'No such tenant, team or team member')
  changeRole(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('teamId', ObjectIdPipe) teamId: string,
    @Param('userId', ObjectIdPipe) userId: string,
    @Body() body: ChangeTeamRoleDto,
  ): Promise<TeamMemberDto> {
    return this.teams.changeMemberRole(ctx, tenantId, teamId, userId, body.role);
  }

  @Delete(':teamId/members/:userId')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Take someone out of a team (owners and admins, or staff)' })
  @ApiNoContentResponse({ description: 'Removed from the team' })
  @ApiProblem(403, 'Members and viewers do not manage teams')
  @ApiProblem(404, 'No such tenant, team or team member')
  removeMember(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('teamId', ObjectIdPipe) teamId: string,
    @Param('userId', ObjectIdPipe) userId: string,
  ): Promise<void> {
    return this.teams.removeMember(ctx, tenantId, teamId, userId);
  }
}
