import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Roles } from '../../core/auth/access.decorators.js';
import { Ctx, type ActorContext, type RequestContext } from '../../core/auth/request-context.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { PageOf, type Page } from '../../core/http/pagination.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { CreateTenantDto, TenantQueryDto, UpdateTenantDto } from './dto/tenant-input.dto.js';
import { MyTenantDto, TenantDto } from './dto/tenant.dto.js';
import { TenantsService } from './tenants.service.js';

const TenantPage = PageOf(TenantDto);

@ApiTags('tenancy')
@Controller()
export class TenantsController {
  constructor(private readonly tenants: TenantsService) {}

  @Post('tenants')
  @Authenticated()
  @ApiOperation({ summary: 'Create a tenant; the caller becomes its first owner' })
  @ApiCreatedResponse({ type: TenantDto })
  @ApiProblem(409, 'The slug is taken, or the caller owns as many tenants as allowed')
  create(@Ctx() ctx: ActorContext, @Body() body: CreateTenantDto): Promise<TenantDto> {
    return this.tenants.create(ctx, body);
  }

  @Get('tenants')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Every tenant, by plan, slug or open/closed, newest first (staff)' })
  @ApiOkResponse({ type: TenantPage })
  list(@Ctx() ctx: RequestContext, @Query() query: TenantQueryDto): Promise<Page<TenantDto>> {
    return this.tenants.list(ctx, query);
  }

  @Get('users/me/tenants')
  @Authenticated()
  @ApiOperation({ summary: 'The tenants I belong to, with my role in each' })
  @ApiOkResponse({ type: [MyTenantDto] })
  mine(@Ctx() ctx: ActorContext): Promise<MyTenantDto[]> {
    return this.tenants.mine(ctx);
  }

  @Get('tenants/:tenantId')
  @Authenticated()
  @ApiOperation({ summary: 'A tenant (its members, or staff)' })
  @ApiOkResponse({ type: TenantDto })
  @ApiProblem(404, 'No such tenant, or not a member')
  get(@Ctx() ctx: RequestContext, @Param('tenantId', ObjectIdPipe) tenantId: string): Promise<TenantDto> {
    return this.tenants.get(ctx, tenantId);
  }

  @Patch('tenants/:tenantId')
  @Authenticated()
  @ApiOperation({ summary: 'Rename a tenant, change its slug or settings (owners and admins, or staff)' })
  @ApiOkResponse({ type: TenantDto })
  @ApiProblem(403, 'Members and viewers do not change the tenant')
  @ApiProblem(404, 'No such tenant, or not a member')
  @ApiProblem(409, 'The slug is taken')
  update(@Ctx() ctx: RequestContext, @Param('tenantId', ObjectIdPipe) tenantId: string, @Body() body: UpdateTenantDto): Promise<TenantDto> {
    return this.tenants.update(ctx, tenantId, body);
  }

  @Delete('tenants/:tenantId')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Close a tenant: it is gone for everyone, with its members, invites and teams (owners, or staff)' })
  @ApiNoContentResponse({ description: 'Closed' })
  @ApiProblem(403, 'Only an owner closes the tenant')
  @ApiProblem(404, 'No such tenant, or not a member')
  close(@Ctx() ctx: RequestContext, @Param('tenantId', ObjectIdPipe) tenantId: string): Promise<void> {
    return this.tenants.close(ctx, tenantId);
  }
}
