import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model, type QueryFilter } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { compact, findPage } from '../../core/database/find-page.js';
import type { Page } from '../../core/http/pagination.js';
import { AuditTrail } from '../audit/index.js';
import type { RegistrationQueryDto } from './dto/registration-input.dto.js';
import type { RegistrationDto } from './dto/registration.dto.js';
import type { ExportFormat } from './dto/webinar-input.dto.js';
import type { WebinarReportDto } from './dto/webinar.dto.js';
import { toRegistrationDto } from './registration.mapper.js';
import { WebinarRegistration } from './schemas/webinar-registration.schema.js';
import { Webinar } from './schemas/webinar.schema.js';

/** Rows in one export; a webinar's capacity is bounded well below it. */
const MAX_EXPORT_ROWS = 100_000;

const CSV_COLUMNS = [
  'registrationId',
  'email',
  'name',
  'company',
  'status',
  'firstJoinedAt',
  'minutes',
  'questions',
  'pollAnswers',
  'chatMessages',
  'rating',
  'comment',
  'createdAt',
] as const;

/** Staff's view of a webinar's registrations: the list, the attendance report and the export. */
@Injectable()
export class WebinarReportsService {
  constructor(
    @InjectModel(Webinar.name) private readonly webinars: Model<Webinar>,
    @InjectModel(WebinarRegistration.name) private readonly registrations: Model<WebinarRegistration>,
    private readonly policy: PermissionPolicy,
    private readonly trail: AuditTrail,
  ) {}

  async registrationsOf(ctx: RequestContext, webinarId: string, query: RegistrationQueryDto): Promise<Page<RegistrationDto>> {
    this.policy.require(ctx, 'webinar.manage');
    const id = await this.existing(webinarId);
    const filter = compact({ webinarId: id, status: query.status }) as QueryFilter<WebinarRegistration>;
    return findPage(this.registrations, filter, query, (registration) => toRegistrationDto(registration), { _id: 1 });
  }

  async report(ctx: RequestContext, webinarId: string): Promise<WebinarReportDto> {
    this.policy.require(ctx, 'webinar.manage');
    const id = await this.existing(webinarId);
    const byStatus = await this.registrations.aggregate<{ _id: string; count: number; minutes: number }>([
      { $match: { webinarId: id } },
      { $group: { _id: '$status', count: { $sum: 1 }, minutes: { $sum: '$attendance.minutes' } } },
    ]);
    const [ratings] = await this.registrations.aggregate<{ count: number; average: number }>([
      { $match: { webinarId: id, 'feedback.rating': { $gte: 1 } } },
      { $group: { _id: null, count: { $sum: 1 }, average: { $avg: '$feedback.rating' } } },
    ]);
    const count = (status: string) => byStatus.find((group) => group._id === status)?.count ?? 0;
    const attended = count('attended');
    const seated = count('confirmed') + attended;
    const attendedMinutes = byStatus.find((group) => group._id === 'attended')?.minutes ?? 0;
    return {
      webinarId,
      registered: seated + count('waitlisted'),
      confirmed: count('confirmed'),
      waitlisted: count('waitlisted'),
      canceled: count('canceled'),
      attended,
      attendanceRate: seated === 0 ? 0 : round(attended / seated, 4),
      averageMinutes: attended === 0 ? 0 : round(attendedMinutes / attended, 1),
      averageRating: ratings ? round(ratings.average, 2) : undefined,
      feedbackCount: ratings?.count ?? 0,
    };
  }

  /** Every registration of the webinar, as JSON items or CSV rows (cells that a spreadsheet would run as a formula are quoted as text). */
  async export(ctx: RequestContext, webinarId: string, format: ExportFormat): Promise<RegistrationDto[] | string> {
    this.policy.require(ctx, 'webinar.manage');
    const id = await this.existing(webinarId);
    const rows = (
      await this.registrations.find({ webinarId: id }).sort({ _id: 1 }).limit(MAX_EXPORT_ROWS).lean<WebinarRegistration[]>()
    ).map((registration) => toRegistrationDto(registration));
    // Registrants' personal data leaving the system: who took it, for which webinar, how many rows (never the rows).
    await this.trail.record(ctx, {
      action: 'webinar-registration.exported',
      targetType: 'webinar-registrations',
      targetId: webinarId,
      after: { webinarId, format, rowCount: rows.length },
    });
    if (format === 'json') return rows;
    const lines = rows.map((row) =>
      [
        row.registrationId,
        row.email,
        row.name,
        row.company,
        row.status,
        row.attendance.firstJoinedAt,
        row.attendance.minutes,
        row.engagement.questions,
        row.engagement.pollAnswers,
        row.engagement.chatMessages,
        row.feedback?.rating,
        row.feedback?.comment,
        row.createdAt,
      ]
        .map(csvCell)
        .join(','),
    );
    return [CSV_COLUMNS.join(','), ...lines].join('\r\n') + '\r\n';
  }

  private async existing(webinarId: string): Promise<Types.ObjectId> {
    const id = new Types.ObjectId(webinarId);
    if (!(await this.webinars.exists({ _id: id }))) throw new NotFoundException('No such webinar.');
    return id;
  }
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\r\n']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
