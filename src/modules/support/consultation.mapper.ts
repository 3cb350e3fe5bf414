import { iso } from '../../core/http/serialize.js';
import type { ConsultationDto } from './dto/consultation.dto.js';
import type { Consultation } from './schemas/consultation.schema.js';

export function toConsultationDto(consultation: Consultation): ConsultationDto {
  return {
    id: consultation._id.toString(),
    requesterId: consultation.requesterId.toString(),
    type: consultation.type,
    company: { name: consultation.company.name, size: consultation.company.size, website: consultation.company.website },
    project: {
      summary: consultation.project.summary,
      goals: consultation.project.goals ?? [],
      budgetRange: consultation.project.budgetRange,
      timeline: consultation.project.timeline,
    },
    scheduledAt: iso(consultation.scheduledAt)!,
    requestedAt: iso(consultation.requestedAt)!,
    timezone: consultation.timezone,
    status: consultation.status,
    meeting: consultation.meeting
      ? { url: consultation.meeting.url, provider: consultation.meeting.provider, dialIn: consultation.meeting.dialIn }
      : undefined,
    outcome: consultation.outcome ? { summary: consultation.outcome.summary, nextSteps: consultation.outcome.nextSteps ?? [] } : undefined,
    feedback: consultation.feedback
      ? { rating: consultation.feedback.rating, comment: consultation.feedback.comment, givenAt: iso(consultation.feedback.givenAt)! }
      : undefined,
    rescheduleCount: consultation.rescheduleCount ?? 0,
    history: (consultation.audit ?? []).map((entry) => ({
      from: entry.from,
      to: entry.to,
      at: iso(entry.at)!,
      source: entry.source,
      reason: entry.reason,
    })),
    createdAt: iso(consultation.createdAt)!,
    updatedAt: iso(consultation.updatedAt)!,
  };
}
