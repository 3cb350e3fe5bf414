import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { AgentIdPipe } from './agent-id.pipe.js';
import { PersonalizationSettingsDto } from './dto/personalization-input.dto.js';
import { PersonalizationDto } from './dto/personalization.dto.js';
import { PersonalizationService } from './personalization.service.js';

/** The caller's own settings for an agent. */
@ApiTags('personalization')
@Controller('agents/:agentId/personalization')
export class PersonalizationController {
  constructor(private readonly personalization: PersonalizationService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'The caller’s settings for an agent; the defaults when none are stored' })
  @ApiOkResponse({ type: PersonalizationDto })
  get(@Ctx() ctx: RequestContext, @Param('agentId', AgentIdPipe) agentId: string): Promise<PersonalizationDto> {
    return this.personalization.get(ctx, agentId);
  }

  @Put()
  @Authenticated()
  @ApiOperation({ summary: 'Replace the caller’s settings for an agent; what is left out goes back to its default (saved prompts stay)' })
  @ApiOkResponse({ type: PersonalizationDto })
  @ApiProblem(400, 'Custom instructions longer than PERSONALIZATION_MAX_INSTRUCTIONS_CHARS, or a value out of its set')
  replace(
    @Ctx() ctx: RequestContext,
    @Param('agentId', AgentIdPipe) agentId: string,
    @Body() body: PersonalizationSettingsDto,
  ): Promise<PersonalizationDto> {
    return this.personalization.replace(ctx, agentId, body);
  }

  @Patch()
  @Authenticated()
  @ApiOperation({ summary: 'Change only the given settings; an empty customInstructions clears them' })
  @ApiOkResponse({ type: PersonalizationDto })
  @ApiProblem(400, 'Custom instructions longer than PERSONALIZATION_MAX_INSTRUCTIONS_CHARS, or a value out of its set')
  merge(
    @Ctx() ctx: RequestContext,
    @Param('agentId', AgentIdPipe) agentId: string,
    @Body() body: PersonalizationSettingsDto,
  ): Promise<PersonalizationDto> {
    return this.personalization.merge(ctx, agentId, body);
  }

  @Delete()
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Reset the caller’s settings for an agent to the defaults; saved prompts stay' })
  @ApiNoContentResponse({ description: 'Reset (also when nothing was stored)' })
  reset(@Ctx() ctx: RequestContext, @Param('agentId', AgentIdPipe) agentId: string): Promise<void> {
    return this.personalization.reset(ctx, agentId);
  }
}
