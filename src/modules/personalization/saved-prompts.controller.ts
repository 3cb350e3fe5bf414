import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { PageOf, PageQueryDto, type Page } from '../../core/http/pagination.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { AgentIdPipe } from './agent-id.pipe.js';
import { ReorderPromptsDto, SavedPromptInputDto, UpdateSavedPromptDto } from './dto/saved-prompt-input.dto.js';
import { SavedPromptDto, SavedPromptListDto } from './dto/personalization.dto.js';
import { SavedPromptsService } from './saved-prompts.service.js';

const SavedPromptPage = PageOf(SavedPromptDto);

/** The caller's saved prompts for an agent. */
@ApiTags('personalization')
@Controller('agents/:agentId/personalization/prompts')
export class SavedPromptsController {
  constructor(private readonly prompts: SavedPromptsService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'The caller’s saved prompts for an agent, in their order' })
  @ApiOkResponse({ type: SavedPromptPage })
  list(
    @Ctx() ctx: RequestContext,
    @Param('agentId', AgentIdPipe) agentId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<SavedPromptDto>> {
    return this.prompts.list(ctx, agentId, query);
  }

  @Post()
  @Authenticated()
  @ApiOperation({ summary: 'Save a prompt for an agent, last in the order' })
  @ApiCreatedResponse({ type: SavedPromptDto })
  @ApiProblem(409, 'The agent already has PERSONALIZATION_MAX_SAVED_PROMPTS saved prompts')
  add(
    @Ctx() ctx: RequestContext,
    @Param('agentId', AgentIdPipe) agentId: string,
    @Body() body: SavedPromptInputDto,
  ): Promise<SavedPromptDto> {
    return this.prompts.add(ctx, agentId, body);
  }

  @Post('reorder')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Put the saved prompts in a new order: every prompt’s id, each once' })
  @ApiOkResponse({ type: SavedPromptListDto })
  @ApiProblem(400, 'An id listed twice, or not an id')
  @ApiProblem(409, 'The list is not exactly the saved prompts, or they changed meanwhile')
  reorder(
    @Ctx() ctx: RequestContext,
    @Param('agentId', AgentIdPipe) agentId: string,
    @Body() body: ReorderPromptsDto,
  ): Promise<SavedPromptListDto> {
    return this.prompts.reorder(ctx, agentId, body);
  }

  @Patch(':promptId')
  @Authenticated()
  @ApiOperation({ summary: 'Change a saved prompt’s title, text or tags' })
  @ApiOkResponse({ type: SavedPromptDto })
  @ApiProblem(404, 'No such saved prompt among the caller’s')
  update(
    @Ctx() ctx: RequestContext,
    @Param('agentId', AgentIdPipe) agentId: string,
    @Param('promptId', ObjectIdPipe) promptId: string,
    @Body() body: UpdateSavedPromptDto,
  ): Promise<SavedPromptDto> {
    return this.prompts.update(ctx, agentId, promptId, body);
  }

  @Delete(':promptId')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a saved prompt' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblem(404, 'No such saved prompt among the caller’s')
  remove(
    @Ctx() ctx: RequestContext,
    @Param('agentId', AgentIdPipe) agentId: string,
    @Param('promptId', ObjectIdPipe) promptId: string,
  ): Promise<void> {
    return this.prompts.remove(ctx, agentId, promptId);
  }
}
