import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { AgentIdPipe } from './agent-id.pipe.js';
import { PersonalizationDto } from './dto/personalization.dto.js';
import { PersonalizationService } from './personalization.service.js';

/** A user's settings for an agent as support sees them. */
@ApiTags('personalization')
@Controller('users/:userId/agents/:agentId/personalization')
export class UserPersonalizationController {
  constructor(private readonly personalization: PersonalizationService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'A user’s settings for an agent (the user, or staff); the defaults when none are stored' })
  @ApiOkResponse({ type: PersonalizationDto })
  @ApiProblem(404, 'No such user, or not yours to see')
  get(
    @Ctx() ctx: RequestContext,
    @Param('userId', ObjectIdPipe) userId: string,
    @Param('agentId', AgentIdPipe) agentId: string,
  ): Promise<PersonalizationDto> {
    return this.personalization.getForUser(ctx, userId, agentId);
  }
}
