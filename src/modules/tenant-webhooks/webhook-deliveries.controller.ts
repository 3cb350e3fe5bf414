import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { PageOf, type Page } from '../../core/http/pagination.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { WebhookDeliveryDto, WebhookDeliveryListQueryDto } from './dto/webhook-delivery.dto.js';
import { WebhookDeliveriesService } from './webhook-deliveries.service.js';

const WebhookDeliveryPage = PageOf(WebhookDeliveryDto);

@ApiTags('tenant-webhooks')
@Controller('tenants/:tenantId/webhooks/:endpointId')
export class WebhookDeliveriesController {
  constructor(private readonly deliveries: WebhookDeliveriesService) {}

  @Get('deliveries')
  @Authenticated()
  @ApiOperation({ summary: 'An endpoint’s deliveries, newest first, by status, with their attempts (members, or staff)' })
  @ApiOkResponse({ type: WebhookDeliveryPage })
  @ApiProblem(404, 'No such tenant or endpoint')
  list(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('endpointId', ObjectIdPipe) endpointId: string,
    @Query() query: WebhookDeliveryListQueryDto,
  ): Promise<Page<WebhookDeliveryDto>> {
    return this.deliveries.list(ctx, tenantId, endpointId, query);
  }

  @Post('deliveries/:deliveryId/redeliver')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Send a delivery again, same body, as a new round of attempts (owners and admins, or staff)' })
  @ApiOkResponse({ type: WebhookDeliveryDto })
  @ApiProblem(403, 'Members and viewers do not manage webhooks')
  @ApiProblem(404, 'No such tenant, endpoint or delivery')
  redeliver(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('endpointId', ObjectIdPipe) endpointId: string,
    @Param('deliveryId', ObjectIdPipe) deliveryId: string,
  ): Promise<WebhookDeliveryDto> {
    return this.deliveries.redeliver(ctx, tenantId, endpointId, deliveryId);
  }

  @Post('test')
  @Authenticated()
  @ApiOperation({ summary: 'Send a signed `ping` delivery to the endpoint now, even when disabled (owners and admins, or staff)' })
  @ApiCreatedResponse({ type: WebhookDeliveryDto })
  @ApiProblem(403, 'Members and viewers do not manage webhooks')
  @ApiProblem(404, 'No such tenant or endpoint')
  test(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('endpointId', ObjectIdPipe) endpointId: string,
  ): Promise<WebhookDeliveryDto> {
    return this.deliveries.test(ctx, tenantId, endpointId);
  }
}
