import { faker } from '@faker-js/faker';
import type { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { createHash } from 'node:crypto';
import { trusted, Types, type Model } from 'mongoose';
import { insertManySkippingDuplicates } from '../../core/database/duplicate-key.js';
import { Sequences } from '../../core/database/sequences.js';
import { auditEntry } from '../../core/lifecycle/index.js';
import { User } from '../../modules/identity/schemas/user.schema.js';
import { FINAL_APPLICATION_STATUSES, type ApplicationStatus } from '../../modules/careers/application.lifecycle.js';
import {
  activeKeyOf,
  applicationCounterName,
  formatApplicationNumber,
  releasedKeyOf,
  type EmploymentType,
} from '../../modules/careers/careers-fields.js';
import { JobApplication } from '../../modules/careers/schemas/job-application.schema.js';
import { JobPosting } from '../../modules/careers/schemas/job-posting.schema.js';
import type { SeedProgress } from '../seed-progress.js';

const DAY_MS = 86_400_000;
const APPLICATIONS = 300;
const BATCH = 100;

const POSTINGS: { position: string; department: string; location: string; employmentType: EmploymentType; closed?: boolean }[] = [
  { position: 'Senior Backend Engineer', department: 'Engineering', location: 'Berlin or remote (EU)', employmentType: 'full-time' },
  { position: 'Product Designer', department: 'Design', location: 'Lisbon', employmentType: 'full-time' },
  { position: 'Developer Advocate', department: 'Marketing', location: 'Remote', employmentType: 'full-time' },
  { position: 'Support Specialist', department: 'Support', location: 'Dublin', employmentType: 'part-time' },
  { position: 'Data Science Intern', department: 'Research', location: 'Zurich', employmentType: 'internship', closed: true },
];

/** The stages an application went through to reach each stage (the seed keeps only realistic histories). */
const PATHS: Record<ApplicationStatus, ApplicationStatus[]> = {
  submitted: ['submitted'],
  screening: ['submitted', 'screening'],
  assessment: ['submitted', 'screening', 'assessment'],
  phone_interview: ['submitted', 'screening', 'phone_interview'],
  technical_interview: ['submitted', 'screening', 'phone_interview', 'technical_interview'],
  onsite_interview: ['submitted', 'screening', 'phone_interview', 'technical_interview', 'onsite_interview'],
  reference_check: ['submitted', 'screening', 'phone_interview', 'onsite_interview', 'reference_check'],
  offer_extended: ['submitted', 'screening', 'phone_interview', 'onsite_interview', 'offer_extended'],
  offer_accepted: ['submitted', 'screening', 'phone_interview', 'onsite_interview', 'offer_extended', 'offer_accepted'],
  hired: ['submitted', 'screening', 'phone_interview', 'onsite_interview', 'offer_extended', 'offer_accepted', 'hired'],
  offer_declined: ['submitted', 'screening', 'phone_interview', 'onsite_interview', 'offer_extended', 'offer_declined'],
  rejected: ['submitted', 'screening', 'rejected'],
  withdrawn: ['submitted', 'screening', 'phone_interview', 'withdrawn'],
};
const STATUS_WEIGHTS: { value: ApplicationStatus; weight: number }[] = [
  { value: 'submitted', weight: 6 },
  { value: 'screening', weight: 4 },
  { value: 'assessment', weight: 2 },
  { value: 'phone_interview', weight: 2 },
  { value: 'technical_interview', weight: 2 },
  { value: 'onsite_interview', weight: 1 },
  { value: 'reference_check', weight: 1 },
  { value: 'offer_extended', weight: 1 },
  { value: 'offer_accepted', weight: 1 },
  { value: 'hired', weight: 1 },
  { value: 'offer_declined', weight: 1 },
  { value: 'rejected', weight: 8 },
  { value: 'withdrawn', weight: 2 },
];
const INTERVIEW_STAGES: Partial<Record<ApplicationStatus, 'phone' | 'technical' | 'onsite'>> = {
  phone_interview: 'phone',
  technical_interview: 'technical',
  onsite_interview: 'onsite',
};

const seededId = (kind: string, index: number) =>
  new Types.ObjectId(createHash('sha256').update(`seed-${kind}:${index}`).digest('hex').slice(0, 24));

/** Five postings (one closed) and three hundred applications in every stage, reviewed by the seeded staff. */
export async function seedCareers(app: INestApplicationContext, progress: SeedProgress): Promise<number> {
  const users = app.get<Model<User>>(getModelToken(User.name));
  const staff = (
    await users
      .find({ role: trusted({ $in: ['staff', 'admin'] }) }, { _id: 1 })
      .sort({ _id: 1 })
      .limit(20)
      .lean<User[]>()
  ).map((user) => user._id);
  return seedCareersData(
    app.get<Model<JobPosting>>(getModelToken(JobPosting.name)),
    app.get<Model<JobApplication>>(getModelToken(JobApplication.name)),
    app.get(Sequences),
    staff,
    APPLICATIONS,
    progress,
  );
}

/**
 * Ids derive from the index, so a rerun finds them and inserts nothing; application numbers come
 * from the same per-year counter the API uses, drawn only for applications not yet present.
 */
export async function seedCareersData(
  postings: Model<JobPosting>,
  applications: Model<JobApplication>,
  sequences: Sequences,
  staff: Types.ObjectId[],
  count: number,
  progress: SeedProgress,
): Promise<number> {
  const postingDocs = POSTINGS.map((posting, index) => ({
    _id: seededId('posting', index),
    position: posting.position,
    department: posting.department,
    location: posting.location,
    employmentType: posting.employmentType,
    description: `${posting.position} at Atrium. ${faker.lorem.paragraphs(2)}`,
    state: posting.closed ? 'closed' : 'open',
    createdAt: new Date(Date.now() - (150 - index) * DAY_MS),
    updatedAt: new Date(Date.now() - (150 - index) * DAY_MS),
  }));
  let inserted = await insertManySkippingDuplicates(postings, postingDocs, { timestamps: false });

  progress.start('applications', count);
  for (let start = 0; start < count; start += BATCH) {
    const indexes = Array.from({ length: Math.min(BATCH, count - start) }, (_, offset) => start + offset);
    const present = new Set(
      (
        await applications
          .find({ _id: trusted({ $in: indexes.map((index) => seededId('application', index)) }) }, { _id: 1 })
          .lean<{ _id: Types.ObjectId }[]>()
      ).map((row) => row._id.toString()),
    );
    const documents = [];
    for (const index of indexes.filter((candidate) => !present.has(seededId('application', candidate).toString())))
      documents.push(await applicationAt(index, postingDocs, sequences, staff));
    inserted += await insertManySkippingDuplicates(applications, documents, { timestamps: false });
    progress.advance(indexes.length);
  }
  progress.stop();
  return inserted;
}

async function applicationAt(
  index: number,
  postings: { _id: Types.ObjectId; position: string; department: string; employmentType: EmploymentType }[],
  sequences: Sequences,
  staff: Types.ObjectId[],
) {
  faker.seed(40_000 + index);
  const _id = seededId('application', index);
  const posting = postings[index % postings.length];
  const status = faker.helpers.weightedArrayElement(STATUS_WEIGHTS);
  const path = PATHS[status];
  const createdAt = new Date(Date.now() - faker.number.int({ min: 20, max: 140 }) * DAY_MS);
  const stepMs = faker.number.int({ min: 1, max: 4 }) * DAY_MS;
  const at = (step: number) => new Date(Math.min(Date.now(), createdAt.getTime() + step * stepMs));
  const reviewer = staff.length > 0 && path.length > 1 ? faker.helpers.arrayElement(staff) : undefined;
  const email = `seed.applicant.${index}@example.com`;
  const year = createdAt.getUTCFullYear();
  const applicationId = formatApplicationNumber(year, await sequences.next(applicationCounterName(year)));
  const interviews = reviewer
    ? path.flatMap((stage, step) => {
        const kind = INTERVIEW_STAGES[stage];
        if (!kind) return [];
        const done = step < path.length - 1;
        return [
          {
            _id: seededId(`interview-${stage}`, index),
            scheduledAt: at(step + 0.5),
            durationMinutes: kind === 'onsite' ? 180 : 45,
            kind,
            interviewerIds: [reviewer],
            scheduledBy: reviewer,
            ...(done
              ? {
                  feedback: faker.lorem.sentence(),
                  score: faker.number.int({ min: 2, max: 5 }),
                  feedbackBy: reviewer,
                  feedbackAt: at(step + 1),
                }
              : {}),
          },
        ];
      })
    : [];
  const offerStep = path.indexOf('offer_extended');
  const offer =
    offerStep >= 0 && reviewer
      ? {
          salary: faker.number.int({ min: 45, max: 120 }) * 1000_00,
          currency: 'EUR',
          startDate: new Date(Date.now() + 45 * DAY_MS),
          expiresAt: new Date(at(offerStep).getTime() + 14 * DAY_MS),
          madeAt: at(offerStep),
          madeBy: reviewer,
          ...(path.length > offerStep + 1 ? { respondedAt: at(offerStep + 1) } : {}),
        }
      : undefined;
  const audit = path.map((stage, step) =>
    auditEntry(
      step === 0 ? null : path[step - 1],
      stage,
      {
        trigger: stage === 'withdrawn' || stage.startsWith('offer_a') || stage === 'offer_declined' || step === 0 ? 'owner' : 'staff',
        source: step === 0 || stage === 'withdrawn' ? 'api' : 'staff',
        actorId: step === 0 ? undefined : reviewer?.toString(),
      },
      at(step),
    ),
  );
  return {
    _id,
    applicationId,
    position: { postingId: posting._id, title: posting.position, department: posting.department, employmentType: posting.employmentType },
    applicant: {
      name: faker.person.fullName(),
      email,
      phone: faker.helpers.maybe(() => '+49 30 ' + faker.string.numeric(7)),
      coverLetter: faker.lorem.paragraph(),
      links: [`https://portfolio.atrium-demo.com/${index}`],
    },
    resume: { url: `https://cv.atrium-demo.com/${index}.pdf` },
    status,
    activeKey: FINAL_APPLICATION_STATUSES.includes(status) ? releasedKeyOf(_id.toString()) : activeKeyOf(posting._id.toString(), email),
    reviewerId: reviewer,
    interviews,
    interviewCount: interviews.length,
    offer,
    notes: [],
    noteCount: 0,
    audit,
    createdAt,
    updatedAt: at(path.length - 1),
  };
}
