import { Controller, Get, HttpCode, HttpStatus, Param, Post, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators.js';
import { AUDIT_SINK, type AuditSink } from '../auth/audit-sink.js';
import { Ctx, type RequestContext } from '../auth/request-context.js';
import { ApiProblem } from '../http/problem.dto.js';
import { ProblemException } from '../http/problem.js';
import { EffectsRelay } from '../events/effects-relay.js';
import { JobRunner } from './job-runner.js';
import { describeSchedule, nextRunOf } from './job-schedule.js';

const RELAY_JOB = 'effects.relay';

/** An owed effect that ran out of attempts: someone must look at it. */
class DeadEffectDto {
  @ApiProperty({ description: 'Collection of the document that owes it' }) collection: string;
  @ApiProperty({ description: 'The document that owes it' }) id: string;
  @ApiProperty({ description: 'Dedupe key of the effect' }) key: string;
  @ApiProperty({ description: 'Effect name (event>subscriber, or the module’s own effect)' }) name: string;
  @ApiProperty() attempts: number;
  @ApiPropertyOptional() lastError?: string;
}

class JobStatusDto {
  @ApiProperty() name: string;
  @ApiProperty({ description: 'How it is scheduled, e.g. "every 5000 ms" or "cron 0 3 * * * (UTC)"' }) schedule: string;
  @ApiPropertyOptional({ description: 'Interval of an interval job, in ms' }) everyMs?: number;
  @ApiPropertyOptional({ description: 'Cron expression (UTC) of a wall-clock job' }) cron?: string;
  @ApiPropertyOptional({ format: 'date-time' }) lastRunAt?: string;
  @ApiPropertyOptional() lastDurationMs?: number;
  @ApiPropertyOptional({ enum: ['succeeded', 'failed'] }) lastOutcome?: 'succeeded' | 'failed';
  @ApiPropertyOptional() lastItems?: number;
  @ApiPropertyOptional() lastError?: string;
  @ApiProperty({ description: 'Ticks run so far, on any instance' }) runs: number;
  @ApiPropertyOptional({ format: 'date-time' }) nextRunAt?: string;
  @ApiPropertyOptional({ description: 'The instance that ran the last tick' }) lastOwner?: string;
  @ApiPropertyOptional({ type: DeadEffectDto, isArray: true, description: 'Effects that gave up (on the effects relay)' })
  alerts?: DeadEffectDto[];
}

class JobRunStartedDto {
  @ApiProperty() name: string;
  @ApiProperty({ description: 'The tick claimed for this run (epoch ms); its outcome shows in GET /api/admin/jobs' }) tick: number;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
}

@ApiTags('admin')
@Controller('admin/jobs')
export class JobsController implements OnModuleInit {
  private audit?: AuditSink;

  constructor(
    private readonly runner: JobRunner,
    private readonly relay: EffectsRelay,
    private readonly moduleRef: ModuleRef,
  ) {}

  onModuleInit(): void {
    try {
      this.audit = this.moduleRef.get<AuditSink>(AUDIT_SINK, { strict: false });
    } catch {
      // An application built without the audit log: runs are still visible in GET /api/admin/jobs.
    }
  }

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Scheduled jobs: schedule, last run, duration, outcome, items, next run, dead effects as alerts (admin)' })
  @ApiOkResponse({ type: JobStatusDto, isArray: true })
  async list(): Promise<JobStatusDto[]> {
    const [status, dead] = await Promise.all([this.runner.status(), this.relay.dead()]);
    const locks = new Map(status.map((lock) => [lock.name, lock]));
    const names = new Set([...this.runner.schedules.keys(), ...locks.keys()]);
    return [...names].sort().map((name) => {
      const lock = locks.get(name);
      const schedule = this.runner.schedules.get(name);
      return {
        name,
        schedule: schedule ? describeSchedule(schedule) : 'not scheduled on this instance',
        ...schedule,
        lastRunAt: lock?.lastRunAt?.toISOString(),
        lastDurationMs: lock?.lastDurationMs,
        lastOutcome: lock?.lastOutcome,
        lastItems: lock?.lastItems,
        lastError: lock?.lastError,
        runs: lock?.runs ?? 0,
        nextRunAt: schedule ? nextRunOf(schedule).toISOString() : undefined,
        lastOwner: lock?.owner,
        ...(name === RELAY_JOB && dead.length > 0 ? { alerts: dead } : {}),
      };
    });
  }

  @Post(':name/run')
  @Roles('admin')
  @HttpCode(202)
  @ApiOperation({ summary: 'Run a job now, once across instances; answers when it has started (admin)' })
  @ApiAcceptedResponse({ type: JobRunStartedDto })
  @ApiParam({ name: 'name', schema: { type: 'string', pattern: '^[a-z][a-z0-9.-]{0,99}$' }, example: 'email-queue.purge' })
  @ApiProblem(404, 'No job of this name')
  @ApiProblem(409, 'The job is running (on any instance)')
  async run(@Ctx() ctx: RequestContext, @Param('name') name: string): Promise<JobRunStartedDto> {
    const outcome = await this.runner.runNow(name);
    if (outcome === 'unknown')
      throw new ProblemException(HttpStatus.NOT_FOUND, 'unknown-job', 'No such job', `There is no job named ${name.slice(0, 100)}.`);
    if (outcome === 'running')
      throw new ProblemException(
        HttpStatus.CONFLICT,
        'job-running',
        'The job is running',
        `${name} is running; its outcome shows in GET /api/admin/jobs.`,
      );
    await this.audit?.record(ctx, { action: 'job.run-requested', targetType: 'job', targetId: name, after: { tick: outcome.tick } });
    return { name, tick: outcome.tick, startedAt: new Date(outcome.tick).toISOString() };
  }
}
