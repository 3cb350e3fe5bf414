import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import type { Document } from 'mongodb';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import type { ActiveUsersDto, ApiUsageReportDto, EventCountsDto, SeriesDto, ToolUsageDto, TopPagesDto } from './dto/dashboard.dto.js';
import type { DateRangeQueryDto, SeriesMetric, SeriesQueryDto } from './dto/date-range.dto.js';
import { resolveRange, type DayRange } from './date-range.js';

/** Where each series is counted, and by which field its range is matched (each has an index). */
const SERIES_SOURCES: Record<SeriesMetric, { collection: string; match: (range: DayRange) => Document; dayField: string }> = {
  pageviews: { collection: 'pageviews', match: (range) => ({ at: { $gte: range.start, $lt: range.end } }), dayField: '$day' },
  events: { collection: 'userevents', match: (range) => ({ at: { $gte: range.start, $lt: range.end } }), dayField: '$day' },
  'api-requests': { collection: 'apiusages', match: (range) => ({ at: { $gte: range.start, $lt: range.end } }), dayField: '$day' },
  visits: { collection: 'visits', match: (range) => ({ day: { $gte: range.from, $lte: range.to } }), dayField: '$day' },
  'new-visitors': {
    collection: 'visitors',
    match: (range) => ({ firstDay: { $gte: range.from, $lte: range.to } }),
    dayField: '$firstDay',
  },
};

/** The staff dashboards: aggregations over a range of whole UTC days, each starting with an indexed match. */
@Injectable()
export class DashboardsService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly policy: PermissionPolicy,
  ) {}

  async activeUsers(ctx: RequestContext, query: DateRangeQueryDto): Promise<ActiveUsersDto> {
    this.policy.require(ctx, 'analytics.dashboard');
    const range = resolveRange(query);
    const distinctPerDay = (field: string) =>
      this.aggregate<{ _id: string; count: number }>('pageviews', [
        { $match: { ...this.within(range), [field]: { $exists: true } } },
        { $group: { _id: { day: '$day', who: `$${field}` } } },
        { $group: { _id: '$_id.day', count: { $sum: 1 } } },
      ]);
    const [visitors, users] = await Promise.all([distinctPerDay('visitorId'), distinctPerDay('userId')]);
    const visitorsOn = new Map(visitors.map((row) => [row._id, row.count]));
    const usersOn = new Map(users.map((row) => [row._id, row.count]));
    return {
      from: range.from,
      to: range.to,
      days: range.days.map((day) => ({ day, visitors: visitorsOn.get(day) ?? 0, users: usersOn.get(day) ?? 0 })),
    };
  }

  async topPages(ctx: RequestContext, query: DateRangeQueryDto): Promise<TopPagesDto> {
    this.policy.require(ctx, 'analytics.dashboard');
    const range = resolveRange(query);
    const rows = await this.aggregate<{ _id: string; views: number; visitors: string[]; averageDurationMs: number | null }>('pageviews', [
      { $match: this.within(range) },
      { $group: { _id: '$path', views: { $sum: 1 }, visitors: { $addToSet: '$visitorId' }, averageDurationMs: { $avg: '$durationMs' } } },
      { $sort: { views: -1, _id: 1 } },
      { $limit: 50 },
    ]);
    return {
      from: range.from,
      to: range.to,
      pages: rows.map((row) => ({
        path: row._id,
        views: row.views,
        visitors: row.visitors.length,
        averageDurationMs: row.averageDurationMs === null ? null : Math.round(row.averageDurationMs),
      })),
    };
  }

  async events(ctx: RequestContext, query: DateRangeQueryDto): Promise<EventCountsDto> {
    this.policy.require(ctx, 'analytics.dashboard');
    const range = resolveRange(query);
    const rows = await this.aggregate<{ _id: string; count: number }>('userevents', [
      { $match: this.within(range) },
      { $group: { _id: '$name', count: { $sum: 1 } } },
      { $sort: { count: -1, _id: 1 } },
      { $limit: 100 },
    ]);
    return { from: range.from, to: range.to, events: rows.map((row) => ({ name: row._id, count: row.count })) };
  }

  async tools(ctx: RequestContext, query: DateRangeQueryDto): Promise<ToolUsageDto> {
    this.policy.require(ctx, 'analytics.dashboard');
    const range = resolveRange(query);
    const rows = await this.aggregate<{ _id: string; uses: number; visitors: string[] }>('toolusages', [
      { $match: this.within(range) },
      { $group: { _id: '$toolId', uses: { $sum: 1 }, visitors: { $addToSet: '$visitorId' } } },
      { $sort: { uses: -1, _id: 1 } },
      { $limit: 100 },
    ]);
    return {
      from: range.from,
      to: range.to,
      tools: rows.map((row) => ({ toolId: row._id, uses: row.uses, visitors: row.visitors.length })),
    };
  }

  async apiUsage(ctx: RequestContext, query: DateRangeQueryDto): Promise<ApiUsageReportDto> {
    this.policy.require(ctx, 'analytics.dashboard');
    const range = resolveRange(query);
    const rows = await this.aggregate<{
      _id: { method: string; route: string };
      requests: number;
      errors: number;
      averageDurationMs: number;
      maxDurationMs: number;
    }>('apiusages', [
      { $match: this.within(range) },
      {
        $group: {
          _id: { method: '$method', route: '$route' },
          requests: { $sum: 1 },
          errors: { $sum: '$failed' },
          averageDurationMs: { $avg: '$durationMs' },
          maxDurationMs: { $max: '$durationMs' },
        },
      },
      { $sort: { requests: -1 } },
      { $limit: 200 },
    ]);
    return {
      from: range.from,
      to: range.to,
      routes: rows.map((row) => ({
        method: row._id.method,
        route: row._id.route,
        requests: row.requests,
        errors: row.errors,
        averageDurationMs: Math.round(row.averageDurationMs),
        maxDurationMs: row.maxDurationMs,
      })),
    };
  }

  async series(ctx: RequestContext, query: SeriesQueryDto): Promise<SeriesDto> {
    this.policy.require(ctx, 'analytics.dashboard');
    const range = resolveRange(query);
    const source = SERIES_SOURCES[query.metric];
    const rows = await this.aggregate<{ _id: string; count: number }>(source.collection, [
      { $match: source.match(range) },
      { $group: { _id: source.dayField, count: { $sum: 1 } } },
    ]);
    const counts = new Map(rows.map((row) => [row._id, row.count]));
    return {
      from: range.from,
      to: range.to,
      metric: query.metric,
      points: range.days.map((day) => ({ day, count: counts.get(day) ?? 0 })),
    };
  }

  private within(range: DayRange): Document {
    return { at: { $gte: range.start, $lt: range.end } };
  }

  private aggregate<T extends Document>(collection: string, pipeline: Document[]): Promise<T[]> {
    return this.connection.db!.collection(collection).aggregate<T>(pipeline).toArray();
  }
}
