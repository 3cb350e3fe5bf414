import { describe, expect, it } from 'vitest';
import { LeaseSchema } from '../../../core/database/leases.js';
import { LearningSessionSchema } from './learning-session.schema.js';

const keysOf = (schema: { indexes(): [Record<string, unknown>, Record<string, unknown>][] }) => schema.indexes().map(([keys]) => keys);

describe('sessions index declarations', () => {
  it('backs each participant’s calendar (lists and the overlap check), the status lists and jobs, a skill’s standing and the staff list', () => {
    expect(keysOf(LearningSessionSchema)).toEqual([
      { 'effects.state': 1, 'effects.dueAt': 1 },
      { 'participants.teacher': 1, 'schedule.startTime': 1 },
      { 'participants.learner': 1, 'schedule.startTime': 1 },
      { status: 1, 'schedule.startTime': 1 },
      { skill: 1, status: 1 },
      { createdAt: -1 },
    ]);
  });

  it('holds calendars by lease, read by _id only', () => {
    expect(keysOf(LeaseSchema)).toEqual([]);
  });

  it('bounds what users grow: notes, reasons, ratings', () => {
    const paths = LearningSessionSchema.paths;
    expect(paths.notes.options.maxlength).toBe(2000);
    expect(LearningSessionSchema.path('schedule.timezone').options.maxlength).toBe(64);
    expect(LearningSessionSchema.path('feedback.learner.rating').options).toMatchObject({ min: 1, max: 5 });
  });
});
