import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { PageOf, PageQueryDto, type Page } from '../../core/http/pagination.js';
import { RateLimit } from '../../core/http/rate-limit.js';
import { LeaderboardQueryDto } from './dto/matching.dto.js';
import { LeaderboardEntryDto, VerificationRequestDto } from './dto/profile.dto.js';
import { LeaderboardsService } from './leaderboards.service.js';
import { VerificationsService } from './verifications.service.js';

const VerificationPage = PageOf(VerificationRequestDto);
const LeaderboardPage = PageOf(LeaderboardEntryDto);

@ApiTags('learning')
@Controller('learning')
export class LearningController {
  constructor(
    private readonly verifications: VerificationsService,
    private readonly leaderboards: LeaderboardsService,
  ) {}

  @Get('verifications')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Teachers with unverified teaching skills, longest waiting first (staff)' })
  @ApiOkResponse({ type: VerificationPage })
  queue(@Ctx() ctx: RequestContext, @Query() query: PageQueryDto): Promise<Page<VerificationRequestDto>> {
    return this.verifications.queue(ctx, query);
  }

  @Get('leaderboards/teachers')
  @Public()
  @RateLimit('public')
  @ApiOperation({ summary: 'Teachers by rating (with a minimum number of ratings) or by sessions taught' })
  @ApiOkResponse({ type: LeaderboardPage })
  teachers(@Ctx() ctx: RequestContext, @Query() query: LeaderboardQueryDto): Promise<Page<LeaderboardEntryDto>> {
    return this.leaderboards.teachers(ctx, query);
  }
}
