import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { Idempotent } from '../../core/http/idempotency/idempotent.decorator.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { CreateSubscriptionDto, SubscriptionDto } from './dto/subscription.dto.js';
import { SubscriptionsService } from './subscriptions.service.js';

/** Subscriptions a tenant's owners and admins pay for the tenant: while one runs, its plan is the tenant's. */
@ApiTags('subscriptions')
@Controller('tenants/:tenantId/subscriptions')
export class TenantSubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Post()
  @Authenticated()
  @Idempotent()
  @ApiOperation({ summary: 'Subscribe the tenant to a plan (tenant owner or admin; plans only, not agents)' })
  @ApiCreatedResponse({ type: SubscriptionDto })
  @ApiProblem(403, 'Only the tenant’s owners and admins subscribe it')
  @ApiProblem(404, 'No such tenant, or not a member')
  @ApiProblem(409, 'The tenant already has a live subscription to this plan')
  @ApiProblem(502, 'The payment provider failed')
  create(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Body() body: CreateSubscriptionDto,
  ): Promise<SubscriptionDto> {
    return this.subscriptions.createForTenant(ctx, tenantId, body);
  }

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'The tenant’s subscriptions, newest first (tenant owner or admin, or staff)' })
  @ApiOkResponse({ type: SubscriptionDto, isArray: true })
  @ApiProblem(403, 'Only the tenant’s owners and admins see its subscriptions')
  @ApiProblem(404, 'No such tenant, or not a member')
  list(@Ctx() ctx: RequestContext, @Param('tenantId', ObjectIdPipe) tenantId: string): Promise<SubscriptionDto[]> {
    return this.subscriptions.listForTenant(ctx, tenantId);
  }
}
