import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { MatchedLearnersDto, MatchedTeachersDto, MatchLearnersQueryDto, MatchTeachersQueryDto } from './dto/matching.dto.js';
import { MatchingService } from './matching.service.js';

@ApiTags('learning')
@Controller('matching')
export class MatchingController {
  constructor(private readonly matching: MatchingService) {}

  @Get('teachers')
  @Authenticated()
  @ApiOperation({ summary: 'Teachers of a skill for the caller, ranked by a score whose parts are shown' })
  @ApiOkResponse({ type: MatchedTeachersDto })
  @ApiProblem(400, 'A period that ends before it starts or spans more than 14 days, or a date outside a day ago … a year from now')
  teachers(@Ctx() ctx: RequestContext, @Query() query: MatchTeachersQueryDto): Promise<MatchedTeachersDto> {
    return this.matching.teachers(ctx, query);
  }

  @Get('learners')
  @Authenticated()
  @ApiOperation({ summary: 'Users who want to learn a skill the caller teaches, soonest target first' })
  @ApiOkResponse({ type: MatchedLearnersDto })
  @ApiProblem(422, 'The caller does not teach the skill')
  learners(@Ctx() ctx: RequestContext, @Query() query: MatchLearnersQueryDto): Promise<MatchedLearnersDto> {
    return this.matching.learners(ctx, query);
  }
}
