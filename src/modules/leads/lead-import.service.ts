import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { AnyBulkWriteOperation, Document, UpdateFilter } from 'mongodb';
import { Types, type Model } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { anyOf } from '../../core/database/find-page.js';
import { tenantIdOf } from '../../core/database/tenant-scoped.js';
import { owedEffects } from '../../core/events/owed-effect.js';
import { auditEntry, originOf } from '../../core/lifecycle/index.js';
import { timezoneOfNumber } from '../../core/phone/index.js';
import { MAX_IMPORT_ROWS, MAX_LISTED_REJECTS, type LeadImportDto, type LeadImportReportDto } from './dto/lead-import.dto.js';
import { judgeRow, parseCsvRows, type ImportCandidate, type ImportReject, type LeadImportRow } from './lead-import-rows.js';
import { LeadEvents } from './lead-events.js';
import { leadTrigger } from './lead.lifecycle.js';
import { LeadsConfig } from './leads.config.js';
import { importTooLarge } from './leads-problems.js';
import { Lead } from './schemas/lead.schema.js';

/** The fields an import may change on a lead it already has; status, calls and history are never touched. */
const IMPORTED_FIELDS = ['name', 'email', 'tags', 'timezone', 'notes', 'externalId'] as const;
type ImportedField = (typeof IMPORTED_FIELDS)[number];
type Existing = Pick<Lead, '_id' | 'phone' | 'status' | ImportedField>;

const DUPLICATE_KEY = 11000;
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Bulk import: every row judged alone (a bad row is reported with its line, the good ones kept), then written in
 * unordered bulk writes: every row is inserted first and the unique (tenant, phone) index refuses the numbers the
 * tenant has, so a first import never reads; only the refused rows are read back and updated in the fields they
 * give that differ. The same file twice creates and changes nothing the second time; within one file the first
 * row of a number wins.
 */
@Injectable()
export class LeadImportService {
  constructor(
    private readonly policy: PermissionPolicy,
    @InjectModel(Lead.name) private readonly leads: Model<Lead>,
    private readonly events: LeadEvents,
    private readonly config: LeadsConfig,
  ) {}

  async import(ctx: RequestContext, tenantId: string, input: LeadImportDto): Promise<LeadImportReportDto> {
    this.policy.requireOn(ctx, 'lead.read', { tenantId }, 'tenant');
    this.policy.require(ctx, 'lead.manage');
    const rows = this.rowsOf(input);
    if (rows.length > MAX_IMPORT_ROWS) throw importTooLarge(rows.length, MAX_IMPORT_ROWS);

    const rejects: ImportReject[] = [];
    const byPhone = new Map<string, ImportCandidate>();
    const defaultCountry = input.defaultCountry ?? this.config.LEADS_DEFAULT_COUNTRY;
    for (const { row, line } of rows) {
      const verdict = judgeRow(row, line, defaultCountry);
      if (!verdict.ok) rejects.push(verdict.reject);
      else if (byPhone.has(verdict.candidate.phone))
        rejects.push({ line, field: 'phone', reason: `repeats the number of line ${byPhone.get(verdict.candidate.phone)!.line}` });
      else byPhone.set(verdict.candidate.phone, verdict.candidate);
    }

    const candidates = [...byPhone.values()];
    const tenant = tenantIdOf(tenantId);
    const now = new Date();
    const origin = originOf(ctx, leadTrigger(ctx), 'import');
    const chunk = this.config.LEADS_IMPORT_CHUNK;
    // Insert everything first: the unique (tenant, phone) index refuses the numbers the tenant already has.
    const refused: ImportCandidate[] = [];
    for (let start = 0; start < candidates.length; start += chunk) {
      const slice = candidates.slice(start, start + chunk);
      const taken = await this.insertAll(
        slice.map((candidate) => ({ insertOne: { document: this.newLead(tenant, candidate, ctx, origin, now) } })),
      );
      for (const index of taken) refused.push(slice[index]!);
    }
    const created = candidates.length - refused.length;
    const updated = refused.length === 0 ? 0 : await this.updateKnown(tenant, refused, now);
    const counts = { created, updated, unchanged: refused.length - updated };
    rejects.sort((a, b) => a.line - b.line);
    return { rows: rows.length, ...counts, rejected: rejects.length, rejectedRows: rejects.slice(0, MAX_LISTED_REJECTS) };
  }

  private rowsOf(input: LeadImportDto): { row: LeadImportRow; line: number }[] {
    if (input.format === 'csv') return parseCsvRows(input.csv ?? '').rows;
    return (input.rows ?? []).map((row, index) => ({ row, line: index + 1 }));
  }

  /**
   * The rows whose number the tenant has: read those leads, then one unordered bulk write per chunk of the
   * fields that differ. When the refused rows are a good part of the tenant's leads, one pass over the tenant's
   * leads costs less than looking each number up. Answers how many leads changed.
   */
  private async updateKnown(tenantId: Types.ObjectId, refused: ImportCandidate[], now: Date): Promise<number> {
    const projection = { _id: 1, phone: 1, status: 1, ...fieldsProjection };
    const chunk = this.config.LEADS_IMPORT_CHUNK;
    const known = new Map<string, Existing>();
    const tenantSize = await this.leads.countDocuments({ tenantId });
    if (refused.length * 4 >= tenantSize) {
      const wanted = new Set(refused.map((candidate) => candidate.phone));
      for await (const lead of this.leads.find({ tenantId }, projection).lean<Existing[]>().cursor())
        if (wanted.has((lead as Existing).phone)) known.set((lead as Existing).phone, lead as Existing);
    } else {
      for (let start = 0; start < refused.length; start += chunk) {
        const phones = refused.slice(start, start + chunk).map((candidate) => candidate.phone);
        for (const lead of await this.leads.find({ tenantId, phone: anyOf(phones) }, projection).lean<Existing[]>())
          known.set(lead.phone, lead);
      }
    }
    const updates: AnyBulkWriteOperation[] = [];
    for (const candidate of refused) {
      const lead = known.get(candidate.phone);
      if (!lead) continue; // deleted since the insert was refused: nothing to update
      const set: Partial<Record<ImportedField, unknown>> = {};
      for (const field of IMPORTED_FIELDS)
        if (candidate[field] !== undefined && !same(candidate[field], lead[field])) set[field] = candidate[field];
      const changes = Object.keys(set);
      if (changes.length === 0) continue;
      const effects = owedEffects(this.events.owe({ _id: lead._id, tenantId, status: lead.status }, changes, now), now);
      updates.push({
        updateOne: {
          filter: { tenantId, _id: lead._id },
          update: {
            $set: { ...set, ...(set.name ? { nameKey: String(set.name).toLowerCase() } : {}), updatedAt: now },
            ...(effects.length ? { $push: { effects: { $each: effects } } } : {}),
          } as UpdateFilter<Document>,
        },
      });
    }
    for (let start = 0; start < updates.length; start += chunk)
      await this.leads.collection.bulkWrite(updates.slice(start, start + chunk), { ordered: false });
    return updates.length;
  }

  /** Inserts what it can; answers the indexes of the operations refused because the number is taken. */
  private async insertAll(inserts: AnyBulkWriteOperation[]): Promise<number[]> {
    try {
      await this.leads.collection.bulkWrite(inserts, { ordered: false });
      return [];
    } catch (error) {
      const failed = writeErrorsOf(error);
      if (!failed || failed.some((failure) => failure.code !== DUPLICATE_KEY)) throw error;
      return failed.map((failure) => failure.index).sort((a, b) => a - b);
    }
  }

  private newLead(
    tenantId: Types.ObjectId,
    candidate: ImportCandidate,
    ctx: RequestContext,
    origin: ReturnType<typeof originOf>,
    now: Date,
  ) {
    const _id = new Types.ObjectId();
    const effects = owedEffects(this.events.owe({ _id, tenantId, status: 'new' }, ['created'], now), now);
    return {
      _id,
      tenantId,
      name: candidate.name,
      nameKey: candidate.name.toLowerCase(),
      phone: candidate.phone,
      ...(candidate.phoneCountry ? { phoneCountry: candidate.phoneCountry } : {}),
      ...(candidate.email ? { email: candidate.email } : {}),
      source: 'import',
      status: 'new',
      tags: candidate.tags ?? [],
      timezone: candidate.timezone ?? timezoneOfNumber(candidate.phone),
      ...(candidate.notes ? { notes: candidate.notes } : {}),
      ...(candidate.externalId ? { externalId: candidate.externalId } : {}),
      callCount: 0,
      countedCallIds: [],
      ...(ctx.actor ? { createdBy: new Types.ObjectId(ctx.actor.id) } : {}),
      audit: [auditEntry(null, 'new', origin, now)],
      ...(effects.length ? { effects } : {}),
      createdAt: now,
      updatedAt: now,
    };
  }
}

const fieldsProjection = Object.fromEntries(IMPORTED_FIELDS.map((field) => [field, 1]));

function writeErrorsOf(error: unknown): { code: number; index: number }[] | undefined {
  if (typeof error !== 'object' || error === null || !('writeErrors' in error)) return undefined;
  const errors = (error as { writeErrors: unknown }).writeErrors;
  return (Array.isArray(errors) ? errors : [errors]) as { code: number; index: number }[];
}
