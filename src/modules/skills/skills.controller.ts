import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { PageOf, type Page } from '../../core/http/pagination.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { RateLimit } from '../../core/http/rate-limit.js';
import { CategoryParamPipe } from './category-param.pipe.js';
import { CreateSkillDto, UpdateSkillDto } from './dto/skill-input.dto.js';
import { CategoryQueryDto, PopularQueryDto, SkillListQueryDto, SkillSearchQueryDto, TreeQueryDto } from './dto/skill-query.dto.js';
import { CategoryPageDto, SkillDto, SkillSearchPageDto, SkillStatisticsDto, SkillTreeDto } from './dto/skill.dto.js';
import { SkillReadsService } from './skill-reads.service.js';
import { SkillSearch } from './skill-search.js';
import { SkillsService } from './skills.service.js';

const SkillPage = PageOf(SkillDto);

@ApiTags('skills')
@Controller('skills')
export class SkillsController {
  constructor(
    private readonly reads: SkillReadsService,
    private readonly searcher: SkillSearch,
    private readonly skills: SkillsService,
  ) {}

  @Get()
  @Public({ identify: true })
  @RateLimit('public')
  @ApiOperation({ summary: 'Active skills, filtered and sorted (staff: any status)' })
  @ApiOkResponse({ type: SkillPage })
  list(@Ctx() ctx: RequestContext, @Query() query: SkillListQueryDto): Promise<Page<SkillDto>> {
    return this.reads.list(ctx, query);
  }

  @Get('search')
  @Public({ identify: true })
  @RateLimit('public')
  @ApiOperation({ summary: 'Full-text search, best match first (name above tags and keywords above description)' })
  @ApiOkResponse({ type: SkillSearchPageDto })
  @ApiProblem(400, 'No query, or one beyond 200 characters or without a searchable word')
  search(@Ctx() ctx: RequestContext, @Query() query: SkillSearchQueryDto): Promise<SkillSearchPageDto> {
    return this.searcher.search(ctx, query);
  }

  @Get('popular')
  @Public()
  @RateLimit('public')
  @ApiOperation({ summary: 'The skills most people learn, then the best rated' })
  @ApiOkResponse({ type: [SkillDto] })
  popular(@Ctx() ctx: RequestContext, @Query() query: PopularQueryDto): Promise<SkillDto[]> {
    return this.reads.popular(ctx, query);
  }

  @Get('statistics')
  @Public()
  @RateLimit('public')
  @ApiOperation({ summary: 'How active skills spread over categories and difficulty levels' })
  @ApiOkResponse({ type: SkillStatisticsDto })
  statistics(@Ctx() ctx: RequestContext): Promise<SkillStatisticsDto> {
    return this.reads.statistics(ctx);
  }

  @Get('categories/:category')
  @Public()
  @RateLimit('public')
  @ApiOperation({ summary: 'A category’s active skills by popularity, with the count of each subcategory' })
  @ApiOkResponse({ type: CategoryPageDto })
  @ApiProblem(400, 'Not a category key')
  category(
    @Ctx() ctx: RequestContext,
    @Param('category', CategoryParamPipe) category: string,
    @Query() query: CategoryQueryDto,
  ): Promise<CategoryPageDto> {
    return this.reads.category(ctx, category, query);
  }

  @Post()
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Add a skill (staff); the slug comes from the name unless given' })
  @ApiCreatedResponse({ type: SkillDto })
  @ApiProblem(409, 'The slug is taken')
  @ApiProblem(422, 'A prerequisite or related skill does not exist')
  create(@Ctx() ctx: RequestContext, @Body() body: CreateSkillDto): Promise<SkillDto> {
    return this.skills.create(ctx, body);
  }

  @Get(':id/tree')
  @Public({ identify: true })
  @RateLimit('public')
  @ApiOperation({ summary: 'The skill’s prerequisites and related skills to a depth of 1–5 links, each skill once' })
  @ApiOkResponse({ type: SkillTreeDto })
  @ApiProblem(404, 'No such skill')
  tree(@Ctx() ctx: RequestContext, @Param('id', ObjectIdPipe) id: string, @Query() query: TreeQueryDto): Promise<SkillTreeDto> {
    return this.reads.tree(ctx, id, query);
  }

  @Get(':id')
  @Public({ identify: true })
  @RateLimit('public')
  @ApiOperation({ summary: 'One skill (drafts: staff only)' })
  @ApiOkResponse({ type: SkillDto })
  @ApiProblem(404, 'No such skill')
  get(@Ctx() ctx: RequestContext, @Param('id', ObjectIdPipe) id: string): Promise<SkillDto> {
    return this.reads.get(ctx, id);
  }

  @Put(':id')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Change a skill (staff): the fields given replace the stored ones' })
  @ApiOkResponse({ type: SkillDto })
  @ApiProblem(404, 'No such skill')
  @ApiProblem(409, 'The prerequisites would close a cycle (named in the detail), or the slug is taken')
  @ApiProblem(422, 'A prerequisite or related skill does not exist')
  update(@Ctx() ctx: RequestContext, @Param('id', ObjectIdPipe) id: string, @Body() body: UpdateSkillDto): Promise<SkillDto> {
    return this.skills.update(ctx, id, body);
  }

  @Delete(':id')
  @Roles('staff', 'admin')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a skill no other skill requires (staff); archive it otherwise' })
  @ApiNoContentResponse({ description: 'Deleted; it leaves related lists and learners’ profiles' })
  @ApiProblem(404, 'No such skill')
  @ApiProblem(409, 'Other skills require it (named in the detail)')
  remove(@Ctx() ctx: RequestContext, @Param('id', ObjectIdPipe) id: string): Promise<void> {
    return this.skills.remove(ctx, id);
  }
}
