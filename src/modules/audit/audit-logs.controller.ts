import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Roles } from '../../core/auth/access.decorators.js';
import { RequiresFeature } from '../../core/auth/feature-gate.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { AuditLogService } from './audit-log.service.js';
import { AuditLogEntryDto, AuditLogFeedDto } from './dto/audit-log.dto.js';
import { AuditLogQueryDto, TenantAuditLogQueryDto } from './dto/audit-log-query.dto.js';

/** The audit log, read-only: there is no route that changes or removes an entry. */
@ApiTags('audit')
@Controller()
export class AuditLogsController {
  constructor(private readonly log: AuditLogService) {}

  @Get('audit-logs')
  @Roles('staff', 'admin')
  @ApiOperation({
    summary: 'The audit log, newest first, by actor, action (or prefix), target, tenant and time; cursor-paged (staff)',
  })
  @ApiOkResponse({ type: AuditLogFeedDto })
  list(@Ctx() ctx: RequestContext, @Query() query: AuditLogQueryDto): Promise<AuditLogFeedDto> {
    return this.log.list(ctx, query);
  }

  @Get('audit-logs/:entryId')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'One audit log entry (staff)' })
  @ApiOkResponse({ type: AuditLogEntryDto })
  @ApiProblem(404, 'No such entry')
  get(@Ctx() ctx: RequestContext, @Param('entryId', ObjectIdPipe) entryId: string): Promise<AuditLogEntryDto> {
    return this.log.get(ctx, entryId);
  }

  @Get('tenants/:tenantId/audit-logs')
  @Authenticated()
  @RequiresFeature('audit-log')
  @ApiOperation({ summary: 'A tenant’s audit log, newest first, with the same filters (tenant owners and admins, staff)' })
  @ApiOkResponse({ type: AuditLogFeedDto })
  @ApiProblem(403, 'A member who is not an owner or admin of the tenant')
  @ApiProblem(404, 'No such tenant, or not a member')
  listForTenant(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Query() query: TenantAuditLogQueryDto,
  ): Promise<AuditLogFeedDto> {
    return this.log.listForTenant(ctx, tenantId, query);
  }
}
