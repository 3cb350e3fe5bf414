import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { SessionFeedbackDto, SessionFeedbackInputDto } from './dto/session-feedback.dto.js';
import { SessionFeedbackService } from './session-feedback.service.js';

@ApiTags('sessions')
@Controller('sessions')
export class SessionFeedbackController {
  constructor(private readonly feedback: SessionFeedbackService) {}

  @Post(':id/feedback')
  @Authenticated()
  @ApiOperation({ summary: 'Rate a completed session, once per side (its teacher or its learner)' })
  @ApiCreatedResponse({ type: SessionFeedbackDto })
  @ApiProblem(403, 'Staff may see the session but only its participants rate it')
  @ApiProblem(404, 'No such session, or not one you take part in')
  @ApiProblem(409, 'The session is not completed, or your side already gave feedback')
  give(
    @Ctx() ctx: RequestContext,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: SessionFeedbackInputDto,
  ): Promise<SessionFeedbackDto> {
    return this.feedback.give(ctx, id, body);
  }
}
