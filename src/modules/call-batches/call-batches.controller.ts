import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../core/auth/access.decorators.js';
import { RequiresFeature } from '../../core/auth/feature-gate.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { PageOf, type Page } from '../../core/http/pagination.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { CallBatchesService } from './call-batches.service.js';
import { CallBatchDto, CallBatchItemDto } from './dto/call-batch.dto.js';
import { CallBatchItemsQueryDto, CallBatchListQueryDto, CreateCallBatchDto } from './dto/call-batch-input.dto.js';

const CallBatchPage = PageOf(CallBatchDto);
const CallBatchItemPage = PageOf(CallBatchItemDto);

@ApiTags('call-batches')
@Controller('tenants/:tenantId/call-batches')
export class CallBatchesController {
  constructor(private readonly batches: CallBatchesService) {}

  @Post()
  @Authenticated()
  @RequiresFeature('voice.outbound')
  @ApiOperation({ summary: 'Start a batch of outbound calls to leads, by ids or by a filter (owners, admins and members)' })
  @ApiCreatedResponse({ type: CallBatchDto })
  @ApiProblem(400, 'Invalid fields: both or neither of leadIds and filter, calling hours that do not end after they start')
  @ApiProblem(403, 'Viewers and staff do not place calls')
  @ApiProblem(404, 'No such tenant, or not a member')
  @ApiProblem(409, 'The agent is not active')
  @ApiProblem(422, '`agentId` is not one of the tenant’s agents, or none of the leads can be called (unknown, or do-not-call)')
  create(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Body() body: CreateCallBatchDto,
  ): Promise<CallBatchDto> {
    return this.batches.create(ctx, tenantId, body);
  }

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'The tenant’s call batches, newest first (members, or staff)' })
  @ApiOkResponse({ type: CallBatchPage })
  @ApiProblem(404, 'No such tenant, or not a member')
  list(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Query() query: CallBatchListQueryDto,
  ): Promise<Page<CallBatchDto>> {
    return this.batches.list(ctx, tenantId, query);
  }

  @Get(':batchId')
  @Authenticated()
  @ApiOperation({ summary: 'A call batch with its progress (members, or staff)' })
  @ApiOkResponse({ type: CallBatchDto })
  @ApiProblem(404, 'No such tenant or batch')
  get(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('batchId', ObjectIdPipe) batchId: string,
  ): Promise<CallBatchDto> {
    return this.batches.get(ctx, tenantId, batchId);
  }

  @Get(':batchId/items')
  @Authenticated()
  @ApiOperation({ summary: 'A call batch’s leads and their calls, by when they are due (members, or staff)' })
  @ApiOkResponse({ type: CallBatchItemPage })
  @ApiProblem(404, 'No such tenant or batch')
  items(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('batchId', ObjectIdPipe) batchId: string,
    @Query() query: CallBatchItemsQueryDto,
  ): Promise<Page<CallBatchItemDto>> {
    return this.batches.itemsOf(ctx, tenantId, batchId, query);
  }

  @Post(':batchId/pause')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Pause a running batch: no new call is placed, calls in flight finish (owners, admins and members)' })
  @ApiOkResponse({ type: CallBatchDto })
  @ApiProblem(403, 'Viewers and staff do not run batches')
  @ApiProblem(404, 'No such tenant or batch')
  @ApiProblem(409, 'The batch is completed or canceled')
  pause(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('batchId', ObjectIdPipe) batchId: string,
  ): Promise<CallBatchDto> {
    return this.batches.pause(ctx, tenantId, batchId);
  }

  @Post(':batchId/resume')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Resume a paused batch (owners, admins and members)' })
  @ApiOkResponse({ type: CallBatchDto })
  @ApiProblem(403, 'Viewers and staff do not run batches')
  @ApiProblem(404, 'No such tenant or batch')
  @ApiProblem(409, 'The batch is completed or canceled, or its agent is not active')
  @ApiProblem(422, 'The batch’s agent is no longer the tenant’s (`voice-agent-not-found`)')
  resume(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('batchId', ObjectIdPipe) batchId: string,
  ): Promise<CallBatchDto> {
    return this.batches.resume(ctx, tenantId, batchId);
  }

  @Post(':batchId/cancel')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Cancel a batch: leads still waiting are not called, calls in flight finish (owners, admins and members)' })
  @ApiOkResponse({ type: CallBatchDto })
  @ApiProblem(403, 'Viewers and staff do not run batches')
  @ApiProblem(404, 'No such tenant or batch')
  @ApiProblem(409, 'The batch is completed')
  cancel(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('batchId', ObjectIdPipe) batchId: string,
  ): Promise<CallBatchDto> {
    return this.batches.cancel(ctx, tenantId, batchId);
  }
}
