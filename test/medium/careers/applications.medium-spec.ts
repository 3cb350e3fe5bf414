import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationsService } from '../../../src/modules/careers/applications.service.js';
import { PipelineService } from '../../../src/modules/careers/pipeline.service.js';
import { account, anonymousContext, contextOf } from '../../support/factories/identity.js';
import { applicantEmail, applicationModel, mailedFollowUpToken, openPosting, submitApplication } from '../../support/factories/careers.js';
import { startMediumApp } from '../../support/medium-app.js';

type Account = Awaited<ReturnType<typeof account>>;

describe('job applications against the database', () => {
  let app: INestApplicationContext;
  let close: () => Promise<void>;
  let staff: Account;
  let postingId: string;

  beforeAll(async () => {
    ({ app, close } = await startMediumApp());
    staff = await account(app, 'staff');
    postingId = (await openPosting(app, staff)).id;
  });
  afterAll(() => close?.());

  it('numbers 30 concurrent applications with 30 distinct, consecutive numbers of this year', async () => {
    const created = await Promise.all(Array.from({ length: 30 }, () => submitApplication(app, postingId)));
    const year = new Date().getUTCFullYear();
    const numbers = created.map((application) => application.applicationId);
    expect(new Set(numbers).size).toBe(30);
    for (const number of numbers) expect(number).toMatch(new RegExp(`^APP-${year}-\\d{6}$`));
    const sequence = numbers.map((number) => Number(number.slice(-6))).sort((a, b) => a - b);
    expect(sequence.at(-1)! - sequence[0]).toBe(29);
  });

  it('keeps one active application when ten for the same posting and address arrive at once', async () => {
    const email = applicantEmail();
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => submitApplication(app, postingId, { email })));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    for (const outcome of outcomes.filter((o) => o.status === 'rejected'))
      expect((outcome as PromiseRejectedResult).reason).toMatchObject({ status: 409 });
    expect(await applicationModel(app).countDocuments({ 'applicant.email': email })).toBe(1);
  });

  it('lets exactly one of a concurrent withdrawal and rejection win', async () => {
    const application = await submitApplication(app, postingId);
    const token = await mailedFollowUpToken(app, application.applicant.email);
    const [withdrawal, rejection] = await Promise.allSettled([
      app.get(ApplicationsService).withdraw(anonymousContext(), application.id, { token }),
      app.get(PipelineService).transition(contextOf(staff), application.id, { to: 'rejected' }),
    ]);
    const stored = await applicationModel(app).findById(application.id).lean();
    expect(['withdrawn', 'rejected']).toContain(stored!.status);
    const won = [withdrawal, rejection].filter((outcome) => outcome.status === 'fulfilled');
    expect(won).toHaveLength(1);
    expect(stored!.audit.map((entry) => entry.to)).toEqual(['submitted', stored!.status]);
  });
});
