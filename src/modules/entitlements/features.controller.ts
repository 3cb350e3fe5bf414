import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { CatalogueAdmin } from './catalogue-admin.service.js';
import { CreateFeatureDto, FeatureDto, UpdateFeatureDto } from './dto/feature.dto.js';
import { FEATURE_KEY_PATTERN } from './feature-values.js';
import { FeatureKeyPipe } from './key.pipes.js';

/** The features plans may include: staff read them, admins add and change them. */
@ApiTags('plans')
@Controller('features')
export class FeaturesController {
  constructor(private readonly catalogue: CatalogueAdmin) {}

  @Get()
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Every feature, with its type, default and period (staff)' })
  @ApiOkResponse({ type: FeatureDto, isArray: true })
  list(@Ctx() ctx: RequestContext): Promise<FeatureDto[]> {
    return this.catalogue.listFeatures(ctx);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a feature (admin); limits need a period' })
  @ApiCreatedResponse({ type: FeatureDto })
  @ApiProblem(409, 'A feature with this key exists')
  create(@Ctx() ctx: RequestContext, @Body() body: CreateFeatureDto): Promise<FeatureDto> {
    return this.catalogue.createFeature(ctx, body);
  }

  @Patch(':featureKey')
  @Roles('admin')
  @ApiParam({ name: 'featureKey', schema: { type: 'string', pattern: FEATURE_KEY_PATTERN } })
  @ApiOperation({ summary: 'Change a feature’s name, description, default or period (admin; the key and type stay)' })
  @ApiOkResponse({ type: FeatureDto })
  @ApiProblem(404, 'No such feature')
  update(
    @Ctx() ctx: RequestContext,
    @Param('featureKey', FeatureKeyPipe) featureKey: string,
    @Body() body: UpdateFeatureDto,
  ): Promise<FeatureDto> {
    return this.catalogue.updateFeature(ctx, featureKey, body);
  }
}
