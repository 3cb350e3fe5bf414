import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { PageOf, type Page } from '../../core/http/pagination.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { LeadCallsQueryDto, PlaceVoiceCallDto, VoiceCallQueryDto, VoiceUsageQueryDto } from './dto/voice-call-input.dto.js';
import { PlacedVoiceCallDto, VoiceCallDetailDto, VoiceCallDto, VoiceUsageDto } from './dto/voice-call.dto.js';
import type { PlacedCall } from './call-placer.js';
import { VoiceCallsService } from './voice-calls.service.js';

const VoiceCallPage = PageOf(VoiceCallDto);

@ApiTags('voice-calls')
@Controller('tenants/:tenantId')
export class VoiceCallsController {
  constructor(private readonly calls: VoiceCallsService) {}

  @Post('voice-calls')
  @Authenticated()
  @ApiOperation({ summary: 'Place one outbound call from an agent to a lead (owners, admins, members)' })
  @ApiCreatedResponse({ type: PlacedVoiceCallDto })
  @ApiProblem(402, 'The plan lacks outbound calls (feature-not-included), or this month’s voice minutes are used (voice-minutes-exhausted)')
  @ApiProblem(403, 'Viewers and staff do not place calls')
  @ApiProblem(404, 'No such tenant, or not a member')
  @ApiProblem(409, 'The lead is do-not-call, or the agent is not active')
  @ApiProblem(422, '`agentId` or `leadId` is not the tenant’s (the error names the field)')
  @ApiProblem(429, 'The tenant has its maximum of concurrent calls in flight (call-slots-full); Retry-After says when to try again')
  @ApiProblem(502, 'The voice provider refused or could not be reached; the call is failed')
  place(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Body() body: PlaceVoiceCallDto,
  ): Promise<PlacedCall> {
    return this.calls.place(ctx, tenantId, body);
  }

  @Get('voice-calls')
  @Authenticated()
  @ApiOperation({ summary: 'The tenant’s calls, newest first, with filters (members, or staff)' })
  @ApiOkResponse({ type: VoiceCallPage })
  @ApiProblem(404, 'No such tenant, or not a member')
  list(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Query() query: VoiceCallQueryDto,
  ): Promise<Page<VoiceCallDto>> {
    return this.calls.list(ctx, tenantId, query);
  }

  @Get('voice-calls/:callId')
  @Authenticated()
  @ApiOperation({ summary: 'One call with its transcription, cost breakdown and AI usage (members, or staff)' })
  @ApiOkResponse({ type: VoiceCallDetailDto })
  @ApiProblem(404, 'No such tenant or call')
  get(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('callId', ObjectIdPipe) callId: string,
  ): Promise<VoiceCallDetailDto> {
    return this.calls.get(ctx, tenantId, callId);
  }

  @Post('voice-calls/:callId/cancel')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Cancel a call not yet answered (queued or ringing; owners, admins, members)' })
  @ApiOkResponse({ type: VoiceCallDto })
  @ApiProblem(403, 'Viewers and staff do not cancel calls')
  @ApiProblem(404, 'No such tenant or call')
  @ApiProblem(409, 'The call was answered or has ended')
  cancel(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('callId', ObjectIdPipe) callId: string,
  ): Promise<VoiceCallDto> {
    return this.calls.cancel(ctx, tenantId, callId);
  }

  @Get('leads/:leadId/calls')
  @Authenticated()
  @ApiOperation({ summary: 'A lead’s call history, newest first (members, or staff)' })
  @ApiOkResponse({ type: VoiceCallPage })
  @ApiProblem(404, 'No such tenant or lead')
  leadCalls(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('leadId', ObjectIdPipe) leadId: string,
    @Query() query: LeadCallsQueryDto,
  ): Promise<Page<VoiceCallDto>> {
    return this.calls.leadCalls(ctx, tenantId, leadId, query);
  }

  @Get('usage/voice')
  @Authenticated()
  @ApiOperation({ summary: 'Voice calls, minutes and cost by month, with this month’s limit and what remains (members, or staff)' })
  @ApiOkResponse({ type: VoiceUsageDto })
  @ApiProblem(400, 'A month is not YYYY-MM, from is after to, or the range spans more than 36 months')
  @ApiProblem(404, 'No such tenant, or not a member')
  usage(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Query() query: VoiceUsageQueryDto,
  ): Promise<VoiceUsageDto> {
    return this.calls.usageByMonth(ctx, tenantId, query);
  }
}
