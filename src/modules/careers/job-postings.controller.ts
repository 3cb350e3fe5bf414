import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { PageOf, type Page } from '../../core/http/pagination.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { RateLimit } from '../../core/http/rate-limit.js';
import { CreatePostingDto, PostingDto, PostingQueryDto, StaffPostingQueryDto, UpdatePostingDto } from './dto/posting.dto.js';
import { PostingsService } from './postings.service.js';

const PostingPage = PageOf(PostingDto);

/** The job board: open postings for everyone, and staff writing them. */
@ApiTags('careers')
@Controller('careers')
export class JobPostingsController {
  constructor(private readonly postings: PostingsService) {}

  @Get('jobs')
  @Public()
  @RateLimit('public')
  @ApiOperation({ summary: 'Open job postings, newest first, optionally of one department' })
  @ApiOkResponse({ type: PostingPage })
  listOpen(@Ctx() ctx: RequestContext, @Query() query: PostingQueryDto): Promise<Page<PostingDto>> {
    return this.postings.listOpen(ctx, query);
  }

  @Get('jobs/:postingId')
  @Public()
  @RateLimit('public')
  @ApiOperation({ summary: 'One open job posting (closed ones exist for staff only)' })
  @ApiOkResponse({ type: PostingDto })
  @ApiProblem(404, 'No such open posting')
  get(@Ctx() ctx: RequestContext, @Param('postingId', ObjectIdPipe) postingId: string): Promise<PostingDto> {
    return this.postings.get(ctx, postingId);
  }

  @Get('postings')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Every job posting, open and closed, newest first (staff)' })
  @ApiOkResponse({ type: PostingPage })
  listAll(@Ctx() ctx: RequestContext, @Query() query: StaffPostingQueryDto): Promise<Page<PostingDto>> {
    return this.postings.listAll(ctx, query);
  }

  @Post('jobs')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Publish a job posting (staff)' })
  @ApiCreatedResponse({ type: PostingDto })
  create(@Ctx() ctx: RequestContext, @Body() body: CreatePostingDto): Promise<PostingDto> {
    return this.postings.create(ctx, body);
  }

  @Patch('jobs/:postingId')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Change a job posting; state closed stops new applications (staff)' })
  @ApiOkResponse({ type: PostingDto })
  @ApiProblem(404, 'No such posting')
  update(
    @Ctx() ctx: RequestContext,
    @Param('postingId', ObjectIdPipe) postingId: string,
    @Body() body: UpdatePostingDto,
  ): Promise<PostingDto> {
    return this.postings.update(ctx, postingId, body);
  }

  @Delete('jobs/:postingId')
  @Roles('staff', 'admin')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a job posting; its applications keep the position as it read (staff)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblem(404, 'No such posting')
  async remove(@Ctx() ctx: RequestContext, @Param('postingId', ObjectIdPipe) postingId: string): Promise<void> {
    await this.postings.remove(ctx, postingId);
  }
}
