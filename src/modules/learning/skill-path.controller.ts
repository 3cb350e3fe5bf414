import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { LearningPathDto } from './dto/learning-path.dto.js';
import { LearningPathService } from './learning-path.service.js';

// Under the catalogue's `skills` prefix, but the path is the caller's: it depends on what their profile says they know.
@ApiTags('learning')
@Controller('skills')
export class SkillPathController {
  constructor(private readonly paths: LearningPathService) {}

  @Get(':id/path')
  @Authenticated()
  @ApiOperation({ summary: 'The caller’s path to a skill: unmet prerequisites in learning order, known skills skipped' })
  @ApiOkResponse({ type: LearningPathDto })
  @ApiProblem(404, 'No such skill')
  path(@Ctx() ctx: RequestContext, @Param('id', ObjectIdPipe) id: string): Promise<LearningPathDto> {
    return this.paths.pathTo(ctx, id);
  }
}
