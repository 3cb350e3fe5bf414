import { idOf, iso } from '../../core/http/serialize.js';
import { staffHistoryOf } from '../../core/lifecycle/index.js';
import type { ApplicationDto, ApplicationSummaryDto, InterviewDto, ResumeDto } from './dto/application.dto.js';
import type { Interview, JobApplication, Resume } from './schemas/job-application.schema.js';

/** Staff see the pipeline's side: interviewers, feedback, scores, the reviewer, notes and history. */
export interface ApplicationView {
  staff: boolean;
}

export function toApplicationSummaryDto(application: JobApplication, view: ApplicationView): ApplicationSummaryDto {
  return {
    id: application._id.toString(),
    applicationId: application.applicationId,
    position: {
      postingId: application.position.postingId.toString(),
      title: application.position.title,
      department: application.position.department,
      employmentType: application.position.employmentType,
    },
    applicantName: application.applicant.name,
    applicantEmail: application.applicant.email,
    status: application.status,
    reviewerId: view.staff ? idOf(application.reviewerId) : undefined,
    createdAt: iso(application.createdAt)!,
    updatedAt: iso(application.updatedAt)!,
  };
}

function resumeOf(resume: Resume | undefined): ResumeDto {
  if (resume?.fileId) return { kind: 'file', fileId: resume.fileId.toString(), fileName: resume.fileName };
  if (resume?.url) return { kind: 'url', url: resume.url };
  return { kind: 'none' };
}

/** An interview as the applicant reads it (when, how, where); feedback and scores are added for staff only. */
function interviewOf(interview: Interview, view: ApplicationView): InterviewDto {
  const dto: InterviewDto = {
    id: interview._id.toString(),
    scheduledAt: iso(interview.scheduledAt)!,
    durationMinutes: interview.durationMinutes,
    kind: interview.kind,
    meetingUrl: interview.meetingUrl,
    location: interview.location,
  };
  if (!view.staff) return dto;
  return {
    ...dto,
    interviewerIds: (interview.interviewerIds ?? []).map(String),
    feedback: interview.feedback,
    score: interview.score,
    feedbackAt: iso(interview.feedbackAt),
  };
}

export function toApplicationDto(application: JobApplication, view: ApplicationView): ApplicationDto {
  const { applicant, offer } = application;
  const dto: ApplicationDto = {
    ...toApplicationSummaryDto(application, view),
    applicant: {
      userId: idOf(applicant.userId),
      name: applicant.name,
      email: applicant.email,
      phone: applicant.phone,
      coverLetter: applicant.coverLetter,
      links: applicant.links ?? [],
    },
    resume: resumeOf(application.resume),
    interviews: (application.interviews ?? []).map((interview) => interviewOf(interview, view)),
    offer: offer
      ? {
          salary: offer.salary,
          currency: offer.currency,
          startDate: offer.startDate.toISOString().slice(0, 10),
          expiresAt: iso(offer.expiresAt)!,
          madeAt: iso(offer.madeAt)!,
          respondedAt: iso(offer.respondedAt),
        }
      : undefined,
  };
  if (!view.staff) return dto;
  return {
    ...dto,
    notes: (application.notes ?? []).map((note) => ({
      id: note._id.toString(),
      authorId: note.authorId.toString(),
      body: note.body,
      createdAt: iso(note.createdAt)!,
    })),
    history: staffHistoryOf(application.audit),
  };
}

const CSV_COLUMNS = [
  'application_id',
  'posting_id',
  'position',
  'applicant_name',
  'applicant_email',
  'status',
  'reviewer_id',
  'submitted_at',
];
export const APPLICATIONS_CSV_HEADER = CSV_COLUMNS.join(',') + '\n';

export function toApplicationCsvRow(application: JobApplication): string {
  const cells = [
    application.applicationId,
    application.position.postingId.toString(),
    application.position.title,
    application.applicant.name,
    application.applicant.email,
    application.status,
    idOf(application.reviewerId) ?? '',
    iso(application.createdAt) ?? '',
  ];
  return cells.map(csvCell).join(',') + '\n';
}

/** Quotes a CSV cell, and defuses spreadsheet formulas (=, +, -, @ at the start). */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
