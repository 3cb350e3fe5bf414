import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Public } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { SuggestionRefPipe } from './suggestion-ref.pipe.js';
import { PageOf, PageQueryDto, type Page } from '../../core/http/pagination.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { RateLimit } from '../../core/http/rate-limit.js';
import { CommentsService } from './comments.service.js';
import { BoardQueryDto } from './dto/board-query.dto.js';
import { CommentDto, CreateSuggestionDto, VoteDto } from './dto/suggestion-input.dto.js';
import { SuggestionCommentDto, SuggestionDto, SuggestionSummaryDto } from './dto/suggestion.dto.js';
import { SuggestionsService } from './suggestions.service.js';
import { VotesService } from './votes.service.js';

const SuggestionPage = PageOf(SuggestionSummaryDto);

/** The public feedback board and what members do on it; the team's routes are in SuggestionDeskController. */
@ApiTags('suggestions')
@Controller('suggestions')
export class SuggestionsController {
  constructor(
    private readonly board: SuggestionsService,
    private readonly votes: VotesService,
    private readonly comments: CommentsService,
  ) {}

  @Post()
  @Authenticated()
  @ApiOperation({ summary: 'Submit a suggestion; it starts as submitted and is numbered SUG-<000001>' })
  @ApiCreatedResponse({ type: SuggestionDto })
  create(@Ctx() ctx: RequestContext, @Body() body: CreateSuggestionDto): Promise<SuggestionDto> {
    return this.board.create(ctx, body);
  }

  @Get()
  @Public({ identify: true })
  @RateLimit('public')
  @ApiOperation({
    summary: 'The board: visible suggestions by category, status and q, ordered by score, new, top or trending',
    description: 'With a bearer token, each item says the caller’s own vote (myVote).',
  })
  @ApiOkResponse({ type: SuggestionPage })
  list(@Ctx() ctx: RequestContext, @Query() query: BoardQueryDto): Promise<Page<SuggestionSummaryDto>> {
    return this.board.list(ctx, query);
  }

  @Get('user/:userId')
  @Public({ identify: true })
  @RateLimit('public')
  @ApiOperation({ summary: 'A member’s suggestions, newest first (public; the member and staff also see hidden ones)' })
  @ApiOkResponse({ type: SuggestionPage })
  listForUser(
    @Ctx() ctx: RequestContext,
    @Param('userId', ObjectIdPipe) userId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<SuggestionSummaryDto>> {
    return this.board.listForUser(ctx, userId, query);
  }

  @Get(':suggestionId')
  @Public({ identify: true })
  @RateLimit('public')
  @ApiOperation({ summary: 'A suggestion with its latest comments, its status history and, once planned, the team’s notes' })
  @ApiOkResponse({ type: SuggestionDto })
  @ApiProblem(404, 'No such suggestion (or hidden by moderation)')
  get(@Ctx() ctx: RequestContext, @Param('suggestionId', SuggestionRefPipe) suggestionId: string): Promise<SuggestionDto> {
    return this.board.get(ctx, suggestionId);
  }

  @Post(':suggestionId/vote')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Vote up or down, change your vote, or withdraw it (none); one vote per member' })
  @ApiOkResponse({ type: SuggestionSummaryDto })
  @ApiProblem(404, 'No such suggestion')
  @ApiProblem(409, 'The suggestion is implemented or declined; its count is final')
  vote(
    @Ctx() ctx: RequestContext,
    @Param('suggestionId', SuggestionRefPipe) suggestionId: string,
    @Body() body: VoteDto,
  ): Promise<SuggestionSummaryDto> {
    return this.votes.vote(ctx, suggestionId, body.direction);
  }

  @Post(':suggestionId/comments')
  @Authenticated()
  @ApiOperation({ summary: 'Comment on a suggestion; its author is notified' })
  @ApiCreatedResponse({ type: SuggestionCommentDto })
  @ApiProblem(404, 'No such suggestion')
  comment(
    @Ctx() ctx: RequestContext,
    @Param('suggestionId', SuggestionRefPipe) suggestionId: string,
    @Body() body: CommentDto,
  ): Promise<SuggestionCommentDto> {
    return this.comments.add(ctx, suggestionId, body.body);
  }
}
