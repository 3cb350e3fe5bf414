import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { RateLimit } from '../../core/http/rate-limit.js';
import { CatalogueAdmin } from './catalogue-admin.service.js';
import { CreatePlanDto, PlanDto, SetFeatureValueDto, UpdatePlanDto } from './dto/plan.dto.js';
import { FEATURE_KEY_PATTERN, PLAN_KEY_PATTERN } from './feature-values.js';
import { FeatureKeyPipe, PlanKeyPipe } from './key.pipes.js';

const planParam = ApiParam({ name: 'planKey', schema: { type: 'string', pattern: PLAN_KEY_PATTERN } });
const featureParam = ApiParam({ name: 'featureKey', schema: { type: 'string', pattern: FEATURE_KEY_PATTERN } });

/** The plan catalogue: public to read, the admins' to change. */
@ApiTags('plans')
@Controller('plans')
export class PlansController {
  constructor(private readonly catalogue: CatalogueAdmin) {}

  @Get()
  @Public()
  @RateLimit('public')
  @ApiOperation({ summary: 'Plans on sale with every feature’s value, in sort order' })
  @ApiOkResponse({ type: PlanDto, isArray: true })
  list(@Ctx() ctx: RequestContext): Promise<PlanDto[]> {
    return this.catalogue.listPlans(ctx);
  }

  @Get(':planKey')
  @Public()
  @RateLimit('public')
  @planParam
  @ApiOperation({ summary: 'A plan with every feature’s value (retired plans too, for those still on them)' })
  @ApiOkResponse({ type: PlanDto })
  @ApiProblem(404, 'No such plan')
  get(@Ctx() ctx: RequestContext, @Param('planKey', PlanKeyPipe) planKey: string): Promise<PlanDto> {
    return this.catalogue.getPlan(ctx, planKey);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a plan to the catalogue (admin)' })
  @ApiCreatedResponse({ type: PlanDto })
  @ApiProblem(409, 'A plan with this key exists')
  create(@Ctx() ctx: RequestContext, @Body() body: CreatePlanDto): Promise<PlanDto> {
    return this.catalogue.createPlan(ctx, body);
  }

  @Patch(':planKey')
  @Roles('admin')
  @planParam
  @ApiOperation({ summary: 'Change a plan: name, price, cycle, active, order, metadata (admin; the key and item type stay)' })
  @ApiOkResponse({ type: PlanDto })
  @ApiProblem(404, 'No such plan')
  update(@Ctx() ctx: RequestContext, @Param('planKey', PlanKeyPipe) planKey: string, @Body() body: UpdatePlanDto): Promise<PlanDto> {
    return this.catalogue.updatePlan(ctx, planKey, body);
  }

  @Put(':planKey/features/:featureKey')
  @Roles('admin')
  @planParam
  @featureParam
  @ApiOperation({ summary: 'Set what a plan gives a feature; the value must fit the feature’s type (admin)' })
  @ApiOkResponse({ type: PlanDto })
  @ApiProblem(404, 'No such plan or feature')
  setValue(
    @Ctx() ctx: RequestContext,
    @Param('planKey', PlanKeyPipe) planKey: string,
    @Param('featureKey', FeatureKeyPipe) featureKey: string,
    @Body() body: SetFeatureValueDto,
  ): Promise<PlanDto> {
    return this.catalogue.setPlanValue(ctx, planKey, featureKey, body.value);
  }

  @Delete(':planKey/features/:featureKey')
  @Roles('admin')
  @HttpCode(HttpStatus.NO_CONTENT)
  @planParam
  @featureParam
  @ApiOperation({ summary: 'Stop setting a feature in a plan: the feature’s default applies (admin)' })
  @ApiNoContentResponse({ description: 'The plan no longer sets the feature' })
  @ApiProblem(404, 'No such plan or feature')
  removeValue(
    @Ctx() ctx: RequestContext,
    @Param('planKey', PlanKeyPipe) planKey: string,
    @Param('featureKey', FeatureKeyPipe) featureKey: string,
  ): Promise<void> {
    return this.catalogue.removePlanValue(ctx, planKey, featureKey);
  }
}
