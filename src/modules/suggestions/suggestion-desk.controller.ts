import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { SuggestionRefPipe } from './suggestion-ref.pipe.js';
import { PageOf, type Page } from '../../core/http/pagination.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { CommentsService } from './comments.service.js';
import { DeskQueryDto } from './dto/board-query.dto.js';
import { UpdateImplementationDto } from './dto/implementation.dto.js';
import { ModerationDto, TransitionSuggestionDto } from './dto/suggestion-input.dto.js';
import { SuggestionCommentDto, SuggestionDto, SuggestionSummaryDto } from './dto/suggestion.dto.js';
import { SuggestionDeskService } from './suggestion-desk.service.js';

const DeskPage = PageOf(SuggestionSummaryDto);

/** The team's side of the board: the full list, status moves, implementation notes, moderation (staff). */
@ApiTags('suggestions')
@Controller('suggestions')
export class SuggestionDeskController {
  constructor(
    private readonly desk: SuggestionDeskService,
    private readonly comments: CommentsService,
  ) {}

  @Get('desk')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Every suggestion, hidden ones included, with the board’s filters and orders and hidden= (staff)' })
  @ApiOkResponse({ type: DeskPage })
  list(@Ctx() ctx: RequestContext, @Query() query: DeskQueryDto): Promise<Page<SuggestionSummaryDto>> {
    return this.desk.list(ctx, query);
  }

  @Post(':suggestionId/status')
  @Roles('staff', 'admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Move a suggestion along its lifecycle; the author is notified (staff)',
    description: 'submitted → under_review → planned → in_progress → implemented, or declined from any step before implemented.',
  })
  @ApiOkResponse({ type: SuggestionDto })
  @ApiProblem(404, 'No such suggestion')
  @ApiProblem(409, 'The lifecycle does not allow this move')
  transition(
    @Ctx() ctx: RequestContext,
    @Param('suggestionId', SuggestionRefPipe) suggestionId: string,
    @Body() body: TransitionSuggestionDto,
  ): Promise<SuggestionDto> {
    return this.desk.transition(ctx, suggestionId, body);
  }

  @Patch(':suggestionId/implementation')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Set the team’s implementation notes, target release and link; public once planned (staff)' })
  @ApiOkResponse({ type: SuggestionDto })
  @ApiProblem(404, 'No such suggestion')
  updateImplementation(
    @Ctx() ctx: RequestContext,
    @Param('suggestionId', SuggestionRefPipe) suggestionId: string,
    @Body() body: UpdateImplementationDto,
  ): Promise<SuggestionDto> {
    return this.desk.updateImplementation(ctx, suggestionId, body);
  }

  @Post(':suggestionId/moderation')
  @Roles('staff', 'admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Hide a suggestion from the board, or show it again (staff)' })
  @ApiOkResponse({ type: SuggestionDto })
  @ApiProblem(404, 'No such suggestion')
  moderate(
    @Ctx() ctx: RequestContext,
    @Param('suggestionId', SuggestionRefPipe) suggestionId: string,
    @Body() body: ModerationDto,
  ): Promise<SuggestionDto> {
    return this.desk.moderate(ctx, suggestionId, body);
  }

  @Post(':suggestionId/comments/:commentId/moderation')
  @Roles('staff', 'admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Hide a comment from the thread, or show it again (staff)' })
  @ApiOkResponse({ type: SuggestionCommentDto })
  @ApiProblem(404, 'No such suggestion or comment')
  moderateComment(
    @Ctx() ctx: RequestContext,
    @Param('suggestionId', SuggestionRefPipe) suggestionId: string,
    @Param('commentId', ObjectIdPipe) commentId: string,
    @Body() body: ModerationDto,
  ): Promise<SuggestionCommentDto> {
    return this.comments.moderate(ctx, suggestionId, commentId, body);
  }
}
