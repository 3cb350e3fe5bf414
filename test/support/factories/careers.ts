import type { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { Role } from '../../../src/core/auth/roles.js';
import type { ApplicationStatus } from '../../../src/modules/careers/application.lifecycle.js';
import { ApplicationsService } from '../../../src/modules/careers/applications.service.js';
import type { SubmitApplicationDto } from '../../../src/modules/careers/dto/application-input.dto.js';
import type { ApplicationDto } from '../../../src/modules/careers/dto/application.dto.js';
import type { CreatePostingDto, PostingDto } from '../../../src/modules/careers/dto/posting.dto.js';
import { OffersService } from '../../../src/modules/careers/offers.service.js';
import { PipelineService } from '../../../src/modules/careers/pipeline.service.js';
import { PostingsService } from '../../../src/modules/careers/postings.service.js';
import { JobApplication } from '../../../src/modules/careers/schemas/job-application.schema.js';
import { JobPosting } from '../../../src/modules/careers/schemas/job-posting.schema.js';
import { emailModel } from './mail.js';
import { anonymousContext, contextOf } from './identity.js';

const DAY_MS = 86_400_000;

export const postingModel = (app: INestApplicationContext) => app.get<Model<JobPosting>>(getModelToken(JobPosting.name));
export const applicationModel = (app: INestApplicationContext) => app.get<Model<JobApplication>>(getModelToken(JobApplication.name));

let sequence = 0;

export const applicantEmail = () => `applicant.${++sequence}.${new Types.ObjectId().toString()}@example.com`;

export const postingInput = (overrides: Partial<CreatePostingDto> = {}): CreatePostingDto => ({
  position: `Backend Engineer #${++sequence}`,
  department: 'Engineering',
  location: 'Berlin or remote (EU)',
  employmentType: 'full-time',
  description: 'Build the services behind Atrium: NestJS, MongoDB, queues and a lot of tests.',
  ...overrides,
});

/** An open posting published by `staff`. */
export function openPosting(
  app: INestApplicationContext,
  staff: { id: string; role: Role },
  overrides: Partial<CreatePostingDto> = {},
): Promise<PostingDto> {
  return app.get(PostingsService).create(contextOf(staff), postingInput(overrides));
}

export const applicationInput = (postingId: string, overrides: Partial<SubmitApplicationDto> = {}): SubmitApplicationDto => ({
  postingId,
  name: 'Ada Lovelace',
  email: applicantEmail(),
  phone: '+44 20 7946 0000',
  coverLetter: 'I would love to build the pipeline that builds your pipeline.',
  resumeUrl: 'https://cv.atrium-demo.com/ada.pdf',
  links: ['https://github.com/ada'],
  ...overrides,
});

/** An application as the public route stores it: by a visitor, or by `applicant` when given (signed in). */
export function submitApplication(
  app: INestApplicationContext,
  postingId: string,
  overrides: Partial<SubmitApplicationDto> = {},
  applicant?: { id: string; role?: Role },
): Promise<ApplicationDto> {
  const input = applicationInput(postingId, overrides);
  return app.get(ApplicationsService).submit(applicant ? contextOf(applicant) : anonymousContext(), input, { url: input.resumeUrl });
}

/** Walks an application through `stages` as staff, one move each. */
export async function advance(
  app: INestApplicationContext,
  staff: { id: string; role: Role },
  applicationId: string,
  stages: ApplicationStatus[],
): Promise<ApplicationDto> {
  let current: ApplicationDto | undefined;
  for (const to of stages) current = await app.get(PipelineService).transition(contextOf(staff), applicationId, { to });
  return current!;
}

/** An application at offer_extended, with an offer open for `days`. */
export async function offeredApplication(
  app: INestApplicationContext,
  staff: { id: string; role: Role },
  postingId: string,
  overrides: Partial<SubmitApplicationDto> = {},
  applicant?: { id: string; role?: Role },
): Promise<ApplicationDto> {
  const application = await submitApplication(app, postingId, overrides, applicant);
  await advance(app, staff, application.id, ['screening', 'phone_interview', 'onsite_interview']);
  return app.get(OffersService).make(contextOf(staff), application.id, {
    salary: 85_000_00,
    currency: 'EUR',
    startDate: new Date(Date.now() + 60 * DAY_MS).toISOString().slice(0, 10),
    expiresAt: new Date(Date.now() + 7 * DAY_MS).toISOString(),
  });
}

/** Moves an offer's expiry into the past, as if the applicant had let it lapse. */
export async function expireOffer(app: INestApplicationContext, applicationId: string): Promise<void> {
  await applicationModel(app).updateOne({ _id: applicationId }, { $set: { 'offer.expiresAt': new Date(Date.now() - 60_000) } });
}

/** The token of the newest follow-up link mailed to `email`, read from the mail queue as the inbox would show it. */
export async function mailedFollowUpToken(app: INestApplicationContext, email: string): Promise<string> {
  const [mail] = await emailModel(app)
    .find({ to: email.toLowerCase(), template: 'careers-follow-up-link' })
    .sort({ createdAt: -1, _id: -1 })
    .limit(1)
    .lean();
  const token = /[?&]token=([A-Za-z0-9_-]{43})/.exec(mail?.text ?? '')?.[1];
  if (!token) throw new Error(`no follow-up link mailed to ${email}`);
  return token;
}

/** Puts an application's owed effects back to pending, as after a crash between running them and marking them done. */
export async function replayApplicationEffects(app: INestApplicationContext, applicationId: string): Promise<void> {
  await applicationModel(app).updateOne(
    { _id: applicationId },
    { $set: { 'effects.$[].state': 'pending', 'effects.$[].dueAt': new Date(0) }, $unset: { 'effects.$[].leaseUntil': 1 } },
  );
}
