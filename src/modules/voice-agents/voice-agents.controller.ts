import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { PageOf, type Page } from '../../core/http/pagination.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { CreateVoiceAgentDto, UpdateVoiceAgentDto, VoiceAgentDto, VoiceAgentQueryDto } from './dto/voice-agent.dto.js';
import { VoiceAgentsService } from './voice-agents.service.js';

const VoiceAgentPage = PageOf(VoiceAgentDto);

@ApiTags('voice-agents')
@Controller('tenants/:tenantId/voice-agents')
export class VoiceAgentsController {
  constructor(private readonly agents: VoiceAgentsService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'The tenant’s voice agents, newest first (members, or staff)' })
  @ApiOkResponse({ type: VoiceAgentPage })
  @ApiProblem(404, 'No such tenant, or not a member')
  list(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Query() query: VoiceAgentQueryDto,
  ): Promise<Page<VoiceAgentDto>> {
    return this.agents.list(ctx, tenantId, query);
  }

  @Post()
  @Authenticated()
  @ApiOperation({ summary: 'Draft a voice agent (owners and admins, or staff)' })
  @ApiCreatedResponse({ type: VoiceAgentDto })
  @ApiProblem(403, 'Members and viewers do not configure agents')
  @ApiProblem(404, 'No such tenant, or not a member')
  @ApiProblem(409, 'The tenant keeps its maximum of agents')
  @ApiProblem(422, '`voiceId` or `defaultNumberId` is not the tenant’s (the error names the field)')
  create(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Body() body: CreateVoiceAgentDto,
  ): Promise<VoiceAgentDto> {
    return this.agents.create(ctx, tenantId, body);
  }

  @Get(':agentId')
  @Authenticated()
  @ApiOperation({ summary: 'One voice agent (members, or staff)' })
  @ApiOkResponse({ type: VoiceAgentDto })
  @ApiProblem(404, 'No such tenant or agent')
  get(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('agentId', ObjectIdPipe) agentId: string,
  ): Promise<VoiceAgentDto> {
    return this.agents.get(ctx, tenantId, agentId);
  }

  @Patch(':agentId')
  @Authenticated()
  @ApiOperation({ summary: 'Change an agent’s name, voice, number or prompts (owners and admins, or staff)' })
  @ApiOkResponse({ type: VoiceAgentDto })
  @ApiProblem(403, 'Members and viewers do not configure agents')
  @ApiProblem(404, 'No such tenant or agent')
  @ApiProblem(409, 'The agent is archived, or the new number is not active')
  @ApiProblem(422, '`voiceId` or `defaultNumberId` is not the tenant’s (the error names the field)')
  update(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('agentId', ObjectIdPipe) agentId: string,
    @Body() body: UpdateVoiceAgentDto,
  ): Promise<VoiceAgentDto> {
    return this.agents.update(ctx, tenantId, agentId, body);
  }

  @Delete(':agentId')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a draft agent; any other is archived instead (owners and admins, or staff)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblem(403, 'Members and viewers do not configure agents')
  @ApiProblem(404, 'No such tenant or agent')
  @ApiProblem(409, 'Not a draft (`agent-not-draft`): archive it')
  remove(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('agentId', ObjectIdPipe) agentId: string,
  ): Promise<void> {
    return this.agents.remove(ctx, tenantId, agentId);
  }

  @Post(':agentId/activate')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Activate a draft agent: it needs a voice and an active number (owners and admins, or staff)' })
  @ApiOkResponse({ type: VoiceAgentDto })
  @ApiProblem(403, 'Members and viewers do not configure agents')
  @ApiProblem(404, 'No such tenant or agent')
  @ApiProblem(409, 'Not a draft (resume a paused one), or its number is not active')
  @ApiProblem(422, 'No voice or no default number (`agent-incomplete`, naming what is missing)')
  activate(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('agentId', ObjectIdPipe) agentId: string,
  ): Promise<VoiceAgentDto> {
    return this.agents.move(ctx, tenantId, agentId, 'active', 'draft');
  }

  @Post(':agentId/pause')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Pause an active agent: it places no calls until resumed (owners and admins, or staff)' })
  @ApiOkResponse({ type: VoiceAgentDto })
  @ApiProblem(403, 'Members and viewers do not configure agents')
  @ApiProblem(404, 'No such tenant or agent')
  @ApiProblem(409, 'Not active')
  pause(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('agentId', ObjectIdPipe) agentId: string,
  ): Promise<VoiceAgentDto> {
    return this.agents.move(ctx, tenantId, agentId, 'paused', 'active');
  }

  @Post(':agentId/resume')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Resume a paused agent (owners and admins, or staff)' })
  @ApiOkResponse({ type: VoiceAgentDto })
  @ApiProblem(403, 'Members and viewers do not configure agents')
  @ApiProblem(404, 'No such tenant or agent')
  @ApiProblem(409, 'Not paused, or its number is not active')
  @ApiProblem(422, 'No voice or no default number (`agent-incomplete`)')
  resume(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('agentId', ObjectIdPipe) agentId: string,
  ): Promise<VoiceAgentDto> {
    return this.agents.move(ctx, tenantId, agentId, 'active', 'paused');
  }

  @Post(':agentId/archive')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Archive an agent for good; its numbers stop defaulting to it (owners and admins, or staff)' })
  @ApiOkResponse({ type: VoiceAgentDto })
  @ApiProblem(403, 'Members and viewers do not configure agents')
  @ApiProblem(404, 'No such tenant or agent')
  archive(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('agentId', ObjectIdPipe) agentId: string,
  ): Promise<VoiceAgentDto> {
    return this.agents.move(ctx, tenantId, agentId, 'archived');
  }
}
