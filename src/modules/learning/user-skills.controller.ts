import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Roles } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { AvailabilityInputDto, ReplaceLearningDto, ReplaceTeachingDto } from './dto/profile-input.dto.js';
import { TeachingSkillDto, UserSkillsDto } from './dto/profile.dto.js';
import { ProfilesService } from './profiles.service.js';
import { VerificationsService } from './verifications.service.js';

// Beside identity's `users` routes: the static `me/...` paths are PUTs and `:id/skills` is a path identity does not serve.
@ApiTags('learning')
@Controller('users')
export class UserSkillsController {
  constructor(
    private readonly profiles: ProfilesService,
    private readonly verifications: VerificationsService,
  ) {}

  @Put('me/skills/teaching')
  @Authenticated()
  @ApiOperation({ summary: 'Replace the skills the caller teaches; a skill kept at its level keeps its verification' })
  @ApiOkResponse({ type: UserSkillsDto })
  @ApiProblem(400, 'A skill listed twice, or a field out of bounds')
  @ApiProblem(409, 'The profile changed meanwhile')
  @ApiProblem(422, 'Skills that are not active skills of the catalogue')
  replaceTeaching(@Ctx() ctx: RequestContext, @Body() body: ReplaceTeachingDto): Promise<UserSkillsDto> {
    return this.profiles.replaceTeaching(ctx, body);
  }

  @Put('me/skills/learning')
  @Authenticated()
  @ApiOperation({ summary: 'Replace the skills the caller wants to learn, with current and goal levels' })
  @ApiOkResponse({ type: UserSkillsDto })
  @ApiProblem(400, 'A skill listed twice, or a field out of bounds')
  @ApiProblem(409, 'The profile changed meanwhile')
  @ApiProblem(422, 'Skills that are not active skills of the catalogue')
  replaceLearning(@Ctx() ctx: RequestContext, @Body() body: ReplaceLearningDto): Promise<UserSkillsDto> {
    return this.profiles.replaceLearning(ctx, body);
  }

  @Put('me/availability')
  @Authenticated()
  @ApiOperation({ summary: 'Set the caller’s weekly windows in an IANA time zone' })
  @ApiOkResponse({ type: UserSkillsDto })
  @ApiProblem(400, 'An unknown time zone, a window ending before it starts, or overlapping windows')
  setAvailability(@Ctx() ctx: RequestContext, @Body() body: AvailabilityInputDto): Promise<UserSkillsDto> {
    return this.profiles.setAvailability(ctx, body);
  }

  @Get(':id/skills')
  @Authenticated()
  @ApiOperation({ summary: 'A user’s teaching and learning skills and standing; their availability only to them and staff' })
  @ApiOkResponse({ type: UserSkillsDto })
  @ApiProblem(404, 'No such user')
  get(@Ctx() ctx: RequestContext, @Param('id', ObjectIdPipe) id: string): Promise<UserSkillsDto> {
    return this.profiles.get(ctx, id);
  }

  @Post(':id/skills/teaching/:skillId/verify')
  @Roles('staff', 'admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Verify one of a user’s teaching skills (staff; not their own)' })
  @ApiOkResponse({ type: TeachingSkillDto })
  @ApiProblem(403, 'Staff verifying their own teaching')
  @ApiProblem(404, 'The user does not teach this skill')
  verify(
    @Ctx() ctx: RequestContext,
    @Param('id', ObjectIdPipe) id: string,
    @Param('skillId', ObjectIdPipe) skillId: string,
  ): Promise<TeachingSkillDto> {
    return this.verifications.verify(ctx, id, skillId);
  }
}
