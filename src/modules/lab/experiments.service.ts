import { ForbiddenException, HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { randomUUID } from 'node:crypto';
import { Types, type Model } from 'mongoose';
import { PermissionPolicy, type Subject } from '../../core/auth/permission-policy.js';
import type { ActorContext, RequestContext } from '../../core/auth/request-context.js';
import { isDuplicateKeyOn } from '../../core/database/duplicate-key.js';
import { compact, findPage, within } from '../../core/database/find-page.js';
import { insertLean } from '../../core/database/insert-lean.js';
import { EffectsRelay } from '../../core/events/index.js';
import { owedEffects, type EffectRequest } from '../../core/events/owed-effect.js';
import type { Page } from '../../core/http/pagination.js';
import { ProblemException } from '../../core/http/problem.js';
import { auditEntry, transition, type TransitionOrigin } from '../../core/lifecycle/index.js';
import type { ExperimentDto } from './dto/experiment.dto.js';
import type { ExperimentQueryDto } from './dto/experiment-query.dto.js';
import type { TrackExperimentDto } from './dto/track-experiment.dto.js';
import { experimentLifecycle, FINISHED_STATUSES, type ExperimentStatus } from './experiment.lifecycle.js';
import { toExperimentDto } from './experiment.mapper.js';
import { LabConfig } from './lab.config.js';
import { LabExperiment } from './schemas/lab-experiment.schema.js';

const subjectOf = (run: LabExperiment): Subject => ({ ownerId: run.userId });

/** The result fields a report may carry; each report sets those it gives. */
const resultFields = (body: TrackExperimentDto) =>
  compact({
    input: body.input,
    output: body.output,
    outputRef: body.outputRef,
    processingTime: body.processingTime,
    tokensUsed: body.tokensUsed,
    error: body.error,
    notify: body.notify,
  });

/** Records lab runs as their clients report them, and answers a user's history. */
@Injectable()
export class ExperimentsService {
  constructor(
    @InjectModel(LabExperiment.name) readonly model: Model<LabExperiment>,
    private readonly policy: PermissionPolicy,
    private readonly relay: EffectsRelay,
    private readonly config: LabConfig,
  ) {}

  /**
   * Creates the run on its first report and moves it on later ones (same experimentId): a replayed
   * report changes nothing, a finished run stays as it finished, a move backwards is 409.
   */
  async track(ctx: ActorContext, body: TrackExperimentDto): Promise<ExperimentDto> {
    this.policy.require(ctx, 'lab.track');
    const experimentId = body.experimentId ?? randomUUID();
    const existing = await this.model.findOne({ experimentId }).lean<LabExperiment>();
    if (existing) return this.advance(ctx, existing, body);
    try {
      return await this.create(ctx, experimentId, body);
    } catch (error) {
      if (!isDuplicateKeyOn(error, ['experimentId'])) throw error;
      // A concurrent first report of the same run won: this one is a later report of it.
      const winner = await this.model.findOne({ experimentId }).lean<LabExperiment>();
      return this.advance(ctx, winner!, body);
    }
  }

  async get(ctx: RequestContext, experimentId: string): Promise<ExperimentDto> {
    const run = await this.model.findOne({ experimentId }).lean<LabExperiment>();
    this.policy.requireOn(ctx, 'lab.read', run ? subjectOf(run) : {}, 'lab experiment');
    // Staff pass the policy for any id, a missing one included.
    if (!run) throw new NotFoundException('No such lab experiment.');
    return toExperimentDto(run);
  }

  async list(ctx: ActorContext, query: ExperimentQueryDto): Promise<Page<ExperimentDto>> {
    this.policy.require(ctx, 'lab.list');
    const filter = compact({
      userId: new Types.ObjectId(ctx.actor.id),
      experimentType: query.type,
      status: query.status,
      createdAt: within(query.from ? new Date(query.from) : undefined, query.to ? new Date(query.to) : undefined),
    });
    return findPage(this.model, filter, query, toExperimentDto);
  }

  private async create(ctx: ActorContext, experimentId: string, body: TrackExperimentDto): Promise<ExperimentDto> {
    const now = new Date();
    const finished = FINISHED_STATUSES.includes(body.status);
    const draft = { experimentId, experimentType: body.experimentType, userId: new Types.ObjectId(ctx.actor.id), createdAt: now };
    const effects = this.owed(draft, body.status, body.notify ?? false, body.processingTime, now);
    const run = await insertLean(this.model, {
      ...draft,
      ...resultFields(body),
      status: body.status,
      finishedAt: finished ? now : undefined,
      audit: [auditEntry(null, body.status, this.origin(ctx), now)],
      effects: effects.length ? owedEffects(effects, now) : undefined,
    });
    if (effects.length) await this.relay.deliver(this.model, run);
    return toExperimentDto(run);
  }

  private async advance(ctx: ActorContext, run: LabExperiment, body: TrackExperimentDto): Promise<ExperimentDto> {
    this.policy.requireOn(ctx, 'lab.read', subjectOf(run), 'lab experiment');
    if (!this.policy.can(ctx, 'lab.report', subjectOf(run))) throw new ForbiddenException('Only the run’s owner reports on it.');
    if (body.experimentType !== run.experimentType)
      throw new ProblemException(
        HttpStatus.CONFLICT,
        'experiment-type-mismatch',
        'Experiment type mismatch',
        `Run ${run.experimentId} is a ${run.experimentType} run, not ${body.experimentType}.`,
      );
    if (body.status === run.status) return this.refresh(ctx, run, body);
    const now = new Date();
    const finished = FINISHED_STATUSES.includes(body.status);
    const notify = body.notify ?? run.notify;
    const moved = await transition(this.model, experimentLifecycle, {
      id: run._id,
      to: body.status,
      origin: this.origin(ctx),
      set: { ...resultFields(body), ...(finished ? { finishedAt: now } : {}) },
      effects: this.owed(run, body.status, notify, body.processingTime ?? run.processingTime, now),
    });
    if (moved.moved) await this.relay.deliver(this.model, moved.document);
    return toExperimentDto(moved.document);
  }

  /** A report in the run's current status: a finished run is kept as it was; a live one takes the new figures. */
  private async refresh(ctx: ActorContext, run: LabExperiment, body: TrackExperimentDto): Promise<ExperimentDto> {
    if (experimentLifecycle.isFinal(run.status)) return toExperimentDto(run);
    const updated = await this.model
      .findOneAndUpdate({ _id: run._id, status: run.status }, { $set: resultFields(body) }, { returnDocument: 'after' })
      .lean<LabExperiment>();
    if (updated) return toExperimentDto(updated);
    // The run moved on meanwhile: this report is judged against where it is now.
    return this.advance(ctx, (await this.model.findById(run._id).lean<LabExperiment>())!, body);
  }

  /** What reaching `status` owes: a notice to the owner when a run they asked about finished after running long. */
  private owed(
    run: Pick<LabExperiment, 'experimentId' | 'experimentType' | 'userId' | 'createdAt'>,
    status: ExperimentStatus,
    notify: boolean,
    processingTime: number | undefined,
    now: Date,
  ): EffectRequest[] {
    if (!notify || !FINISHED_STATUSES.includes(status)) return [];
    const took = processingTime ?? now.getTime() - run.createdAt.getTime();
    if (took < this.config.LAB_NOTIFY_AFTER_SECONDS * 1000) return [];
    return this.relay.owe(
      'lab.experiment-finished',
      {
        experimentId: run.experimentId,
        ownerId: run.userId.toString(),
        experimentType: run.experimentType,
        experimentStatus: status,
        processingTime: took,
      },
      `lab-finished:${run.experimentId}`,
    );
  }

  private origin(ctx: ActorContext): TransitionOrigin {
    return { trigger: 'owner', source: 'api', actorId: ctx.actor.id, ip: ctx.client.ip, userAgent: ctx.client.userAgent };
  }
}
