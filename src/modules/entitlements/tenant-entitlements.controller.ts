import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { EntitlementsDto, OverrideDto, SetOverrideDto } from './dto/entitlement.dto.js';
import { MeterUsageDto, UsageReceiptDto, UsageReportDto } from './dto/usage.dto.js';
import { FEATURE_KEY_PATTERN } from './feature-values.js';
import { FeatureKeyPipe } from './key.pipes.js';
import { OverridesService } from './overrides.service.js';
import { SubjectEntitlementsService } from './subject-entitlements.service.js';

const featureParam = ApiParam({ name: 'featureKey', schema: { type: 'string', pattern: FEATURE_KEY_PATTERN } });

/** A tenant's entitlements, its overrides (staff) and its metered usage. */
@ApiTags('entitlements')
@Controller('tenants/:tenantId')
export class TenantEntitlementsController {
  constructor(
    private readonly entitlements: SubjectEntitlementsService,
    private readonly overrides: OverridesService,
  ) {}

  @Get('features')
  @Authenticated()
  @ApiOperation({ summary: 'Every feature’s effective value for the tenant and its source: override, plan or default' })
  @ApiOkResponse({ type: EntitlementsDto })
  @ApiProblem(404, 'No such tenant, or not a member')
  features(@Ctx() ctx: RequestContext, @Param('tenantId', ObjectIdPipe) tenantId: string): Promise<EntitlementsDto> {
    return this.entitlements.tenantFeatures(ctx, tenantId);
  }

  @Put('features/:featureKey')
  @Authenticated()
  @featureParam
  @ApiOperation({ summary: 'Override a feature for the tenant, optionally until a time (staff)' })
  @ApiOkResponse({ type: OverrideDto })
  @ApiProblem(403, 'Only staff override features')
  @ApiProblem(404, 'No such tenant or feature')
  setOverride(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('featureKey', FeatureKeyPipe) featureKey: string,
    @Body() body: SetOverrideDto,
  ): Promise<OverrideDto> {
    return this.overrides.set(ctx, tenantId, featureKey, body);
  }

  @Delete('features/:featureKey')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @featureParam
  @ApiOperation({ summary: 'Remove the tenant’s override of a feature: the plan’s value applies again (staff)' })
  @ApiNoContentResponse({ description: 'No override remains' })
  @ApiProblem(403, 'Only staff override features')
  @ApiProblem(404, 'No such tenant or feature')
  removeOverride(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('featureKey', FeatureKeyPipe) featureKey: string,
  ): Promise<void> {
    return this.overrides.remove(ctx, tenantId, featureKey);
  }

  @Get('usage')
  @Authenticated()
  @ApiOperation({ summary: 'The tenant’s use of each limited feature this period: used, limit, period, reset time' })
  @ApiOkResponse({ type: UsageReportDto })
  @ApiProblem(404, 'No such tenant, or not a member')
  usage(@Ctx() ctx: RequestContext, @Param('tenantId', ObjectIdPipe) tenantId: string): Promise<UsageReportDto> {
    return this.entitlements.tenantUsage(ctx, tenantId);
  }

  @Post('usage/:featureKey')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @featureParam
  @ApiOperation({
    summary: 'Meter units of a limited feature for the tenant (owner, admin, member)',
    description:
      'One atomic conditional increment of this period’s counter. A used-up periodic limit answers 429 quota-exceeded with ' +
      'Retry-After (seconds to the reset), resetsAt, limit, used and the cheapest plan with a higher limit: the same call ' +
      'succeeds after the reset. A full cap (period none) answers 402 limit-reached: only a larger plan helps.',
  })
  @ApiOkResponse({ type: UsageReceiptDto })
  @ApiProblem(402, 'A cap is full (limit-reached)')
  @ApiProblem(403, 'Viewers and staff do not meter usage')
  @ApiProblem(404, 'No such tenant or feature')
  @ApiProblem(429, 'The period’s limit is used up (quota-exceeded), with Retry-After')
  meter(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('featureKey', FeatureKeyPipe) featureKey: string,
    @Body() body: MeterUsageDto,
  ): Promise<UsageReceiptDto> {
    return this.entitlements.meterForTenant(ctx, tenantId, featureKey, body.units);
  }
}
