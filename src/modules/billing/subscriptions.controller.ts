import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { Idempotent } from '../../core/http/idempotency/idempotent.decorator.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { CreateSubscriptionDto, SubscriptionDto } from './dto/subscription.dto.js';
import { SubscriptionsService } from './subscriptions.service.js';

@ApiTags('subscriptions')
@Controller('subscriptions')
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Post()
  @Authenticated()
  @Idempotent()
  @ApiOperation({ summary: 'Subscribe to a plan, or to an agent (plan "agent" with agentId)' })
  @ApiCreatedResponse({ type: SubscriptionDto })
  @ApiProblem(409, 'Already subscribed to this plan or agent')
  @ApiProblem(502, 'The payment provider failed')
  create(@Ctx() ctx: RequestContext, @Body() body: CreateSubscriptionDto): Promise<SubscriptionDto> {
    return this.subscriptions.create(ctx, body);
  }

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'My subscriptions' })
  @ApiOkResponse({ type: SubscriptionDto, isArray: true })
  listMine(@Ctx() ctx: RequestContext): Promise<SubscriptionDto[]> {
    return this.subscriptions.listMine(ctx);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'A subscription (its owner, or staff)' })
  @ApiOkResponse({ type: SubscriptionDto })
  @ApiProblem(404, 'No such subscription, or not yours to see')
  get(@Ctx() ctx: RequestContext, @Param('id', ObjectIdPipe) id: string): Promise<SubscriptionDto> {
    return this.subscriptions.get(ctx, id);
  }

  @Post(':id/cancel')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Cancel at the end of the current period' })
  @ApiOkResponse({ type: SubscriptionDto })
  @ApiProblem(404, 'No such subscription, or not yours to see')
  @ApiProblem(409, 'The subscription has already ended')
  cancel(@Ctx() ctx: RequestContext, @Param('id', ObjectIdPipe) id: string): Promise<SubscriptionDto> {
    return this.subscriptions.setCancelAtPeriodEnd(ctx, id, true);
  }

  @Post(':id/resume')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Undo a cancellation before the period ends' })
  @ApiOkResponse({ type: SubscriptionDto })
  @ApiProblem(404, 'No such subscription, or not yours to see')
  @ApiProblem(409, 'The subscription has already ended')
  resume(@Ctx() ctx: RequestContext, @Param('id', ObjectIdPipe) id: string): Promise<SubscriptionDto> {
    return this.subscriptions.setCancelAtPeriodEnd(ctx, id, false);
  }
}
