import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { PageOf, PageQueryDto, type Page } from '../../core/http/pagination.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import {
  CreateWebhookEndpointDto,
  UpdateWebhookEndpointDto,
  WebhookEndpointDto,
  WebhookEndpointWithSecretDto,
} from './dto/webhook-endpoint.dto.js';
import { WebhookEndpointsService } from './webhook-endpoints.service.js';

const WebhookEndpointPage = PageOf(WebhookEndpointDto);

@ApiTags('tenant-webhooks')
@Controller('tenants/:tenantId/webhooks')
export class WebhookEndpointsController {
  constructor(private readonly endpoints: WebhookEndpointsService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'The tenant’s webhook endpoints, newest first, without their secrets (members, or staff)' })
  @ApiOkResponse({ type: WebhookEndpointPage })
  @ApiProblem(404, 'No such tenant, or not a member')
  list(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<WebhookEndpointDto>> {
    return this.endpoints.list(ctx, tenantId, query);
  }

  @Post()
  @Authenticated()
  @ApiOperation({
    summary:
      'Register a public https endpoint for call.completed / lead.updated; the signing secret is shown once (owners and admins, or staff)',
  })
  @ApiCreatedResponse({ type: WebhookEndpointWithSecretDto })
  @ApiProblem(400, 'Not a public https URL, or no known event')
  @ApiProblem(403, 'Members and viewers do not manage webhooks')
  @ApiProblem(404, 'No such tenant, or not a member')
  @ApiProblem(409, 'The tenant has its maximum of endpoints (webhook-endpoints-limit)')
  create(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Body() body: CreateWebhookEndpointDto,
  ): Promise<WebhookEndpointWithSecretDto> {
    return this.endpoints.create(ctx, tenantId, body);
  }

  @Get(':endpointId')
  @Authenticated()
  @ApiOperation({ summary: 'One webhook endpoint, without its secret (members, or staff)' })
  @ApiOkResponse({ type: WebhookEndpointDto })
  @ApiProblem(404, 'No such tenant or endpoint')
  get(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('endpointId', ObjectIdPipe) endpointId: string,
  ): Promise<WebhookEndpointDto> {
    return this.endpoints.get(ctx, tenantId, endpointId);
  }

  @Patch(':endpointId')
  @Authenticated()
  @ApiOperation({ summary: 'Change an endpoint’s URL, events, description or enabled flag (owners and admins, or staff)' })
  @ApiOkResponse({ type: WebhookEndpointDto })
  @ApiProblem(400, 'Not a public https URL, or no known event')
  @ApiProblem(403, 'Members and viewers do not manage webhooks')
  @ApiProblem(404, 'No such tenant or endpoint')
  update(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('endpointId', ObjectIdPipe) endpointId: string,
    @Body() body: UpdateWebhookEndpointDto,
  ): Promise<WebhookEndpointDto> {
    return this.endpoints.update(ctx, tenantId, endpointId, body);
  }

  @Delete(':endpointId')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete an endpoint and its deliveries (owners and admins, or staff)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblem(403, 'Members and viewers do not manage webhooks')
  @ApiProblem(404, 'No such tenant or endpoint')
  remove(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('endpointId', ObjectIdPipe) endpointId: string,
  ): Promise<void> {
    return this.endpoints.remove(ctx, tenantId, endpointId);
  }

  @Post(':endpointId/rotate-secret')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Issue a new signing secret, shown once; the previous one signs alongside it for the overlap (owners and admins, or staff)',
  })
  @ApiOkResponse({ type: WebhookEndpointWithSecretDto })
  @ApiProblem(403, 'Members and viewers do not manage webhooks')
  @ApiProblem(404, 'No such tenant or endpoint')
  rotateSecret(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('endpointId', ObjectIdPipe) endpointId: string,
  ): Promise<WebhookEndpointWithSecretDto> {
    return this.endpoints.rotateSecret(ctx, tenantId, endpointId);
  }
}
