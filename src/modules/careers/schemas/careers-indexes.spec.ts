import { describe, expect, it } from 'vitest';
import { FollowUpLinkSchema } from './follow-up-link.schema.js';
import { JobApplicationSchema } from './job-application.schema.js';
import { JobPostingSchema } from './job-posting.schema.js';

const keysOf = (schema: { indexes(): [Record<string, unknown>, Record<string, unknown>][] }) => schema.indexes().map(([keys]) => keys);

describe('careers index declarations', () => {
  it('keeps application numbers unique and one active application per posting and address', () => {
    expect(JobApplicationSchema.indexes()).toContainEqual([{ applicationId: 1 }, expect.objectContaining({ unique: true })]);
    expect(JobApplicationSchema.indexes()).toContainEqual([{ activeKey: 1 }, expect.objectContaining({ unique: true })]);
  });

  it('backs every pipeline filter, the applicant lists and the relay sweep', () => {
    expect(keysOf(JobApplicationSchema)).toEqual(
      expect.arrayContaining([
        { 'applicant.userId': 1, createdAt: -1, _id: -1 },
        { 'applicant.email': 1, createdAt: -1, _id: -1 },
        { createdAt: -1, _id: -1 },
        { 'position.postingId': 1, createdAt: -1, _id: -1 },
        { status: 1, createdAt: -1, _id: -1 },
        { reviewerId: 1, createdAt: -1, _id: -1 },
        { 'effects.state': 1, 'effects.dueAt': 1 },
      ]),
    );
  });

  it('finds a follow-up link by its hash alone, and lets expired ones go', () => {
    expect(FollowUpLinkSchema.indexes()).toContainEqual([{ tokenHash: 1 }, expect.objectContaining({ unique: true })]);
    expect(FollowUpLinkSchema.indexes()).toContainEqual([{ expiresAt: 1 }, expect.objectContaining({ expireAfterSeconds: 0 })]);
    expect(keysOf(JobPostingSchema)).toEqual(expect.arrayContaining([{ state: 1, createdAt: -1, _id: -1 }]));
  });
});
