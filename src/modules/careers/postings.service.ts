import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model, type QueryFilter } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { compact, findPage } from '../../core/database/find-page.js';
import type { Page } from '../../core/http/pagination.js';
import type { CreatePostingDto, PostingDto, PostingQueryDto, StaffPostingQueryDto, UpdatePostingDto } from './dto/posting.dto.js';
import { toPostingDto } from './posting.mapper.js';
import { JobPosting } from './schemas/job-posting.schema.js';

/** Job postings: the public board of open ones, and staff writing them. */
@Injectable()
export class PostingsService {
  constructor(
    @InjectModel(JobPosting.name) private readonly postings: Model<JobPosting>,
    private readonly policy: PermissionPolicy,
  ) {}

  /** Open postings, newest first. */
  async listOpen(ctx: RequestContext, query: PostingQueryDto): Promise<Page<PostingDto>> {
    this.policy.require(ctx, 'posting.browse');
    const filter = compact({ state: 'open', department: query.department }) as QueryFilter<JobPosting>;
    return findPage(this.postings, filter, query, toPostingDto);
  }

  /** One posting; a closed one exists for staff only. */
  async get(ctx: RequestContext, id: string): Promise<PostingDto> {
    this.policy.require(ctx, 'posting.browse');
    const posting = await this.postings.findById(new Types.ObjectId(id)).lean<JobPosting>();
    if (!posting || (posting.state !== 'open' && !this.policy.can(ctx, 'posting.manage')))
      throw new NotFoundException('No such job posting.');
    return toPostingDto(posting);
  }

  async listAll(ctx: RequestContext, query: StaffPostingQueryDto): Promise<Page<PostingDto>> {
    this.policy.require(ctx, 'posting.manage');
    const filter = compact({ state: query.state, department: query.department }) as QueryFilter<JobPosting>;
    return findPage(this.postings, filter, query, toPostingDto);
  }

  async create(ctx: RequestContext, input: CreatePostingDto): Promise<PostingDto> {
    this.policy.require(ctx, 'posting.manage');
    const created = await this.postings.create({ ...input, state: input.state ?? 'open', createdBy: new Types.ObjectId(ctx.actor!.id) });
    return toPostingDto(created.toObject());
  }

  async update(ctx: RequestContext, id: string, input: UpdatePostingDto): Promise<PostingDto> {
    this.policy.require(ctx, 'posting.manage');
    const updated = await this.postings
      .findOneAndUpdate({ _id: new Types.ObjectId(id) }, { $set: compact({ ...input }) }, { returnDocument: 'after', runValidators: true })
      .lean<JobPosting>();
    if (!updated) throw new NotFoundException('No such job posting.');
    return toPostingDto(updated);
  }

  /** Deletes a posting; its applications keep the position as it read when they came in. */
  async remove(ctx: RequestContext, id: string): Promise<void> {
    this.policy.require(ctx, 'posting.manage');
    const { deletedCount } = await this.postings.deleteOne({ _id: new Types.ObjectId(id) });
    if (deletedCount === 0) throw new NotFoundException('No such job posting.');
  }

  /** The open posting an application names; 404 (as a field problem) when absent or closed. */
  async openPosting(id: string): Promise<JobPosting | null> {
    return this.postings.findOne({ _id: new Types.ObjectId(id), state: 'open' }).lean<JobPosting>();
  }
}
