import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { EntitlementsDto } from './dto/entitlement.dto.js';
import { UsageReportDto } from './dto/usage.dto.js';
import { SubjectEntitlementsService } from './subject-entitlements.service.js';

/** The caller's personal plan: its features and usage. */
@ApiTags('entitlements')
@Controller('users/me')
export class MyEntitlementsController {
  constructor(private readonly entitlements: SubjectEntitlementsService) {}

  @Get('features')
  @Authenticated()
  @ApiOperation({ summary: 'Every feature’s effective value on my personal plan, and its source' })
  @ApiOkResponse({ type: EntitlementsDto })
  features(@Ctx() ctx: RequestContext): Promise<EntitlementsDto> {
    return this.entitlements.myFeatures(ctx);
  }

  @Get('usage')
  @Authenticated()
  @ApiOperation({ summary: 'My use of each limited feature this period: used, limit, period, reset time' })
  @ApiOkResponse({ type: UsageReportDto })
  usage(@Ctx() ctx: RequestContext): Promise<UsageReportDto> {
    return this.entitlements.myUsage(ctx);
  }
}
