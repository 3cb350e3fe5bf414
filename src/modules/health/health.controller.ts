import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, MongooseHealthIndicator, type HealthCheckResult } from '@nestjs/terminus';
import { Public } from '../../core/auth/access.decorators.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { RateLimit } from '../../core/http/rate-limit.js';
import { HealthDto } from './health.dto.js';

const LIVE: HealthCheckResult = Object.freeze({ status: 'ok', info: {}, error: {}, details: {} });

@ApiTags('health')
@Controller('health')
@Public()
@RateLimit('none')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly mongo: MongooseHealthIndicator,
  ) {}

  @Get('live')
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ type: HealthDto })
  live(): HealthCheckResult {
    // Answering at all is the liveness signal: nothing to check, so nothing is built per probe.
    return LIVE;
  }

  @Get('ready')
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOperation({ summary: 'Readiness: the database answers a ping' })
  @ApiOkResponse({ type: HealthDto })
  @ApiProblem(503, 'Database unreachable')
  ready(): Promise<HealthCheckResult> {
    return this.health.check([() => this.mongo.pingCheck('database', { timeout: 1500 })]);
  }
}
