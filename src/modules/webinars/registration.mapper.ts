import { idOf, iso } from '../../core/http/serialize.js';
import type { RegistrationDto } from './dto/registration.dto.js';
import type { WebinarRegistration } from './schemas/webinar-registration.schema.js';

export function toRegistrationDto(registration: WebinarRegistration, waitlistPosition?: number): RegistrationDto {
  const attendance = registration.attendance ?? { minutes: 0, visits: 0 };
  const engagement = registration.engagement ?? { questions: 0, pollAnswers: 0, chatMessages: 0 };
  return {
    registrationId: registration._id.toString(),
    webinarId: registration.webinarId.toString(),
    scheduledDate: iso(registration.scheduledDate)!,
    email: registration.email,
    name: registration.name,
    company: registration.company,
    userId: idOf(registration.userId),
    status: registration.status,
    waitlistPosition: registration.status === 'waitlisted' ? waitlistPosition : undefined,
    attendance: {
      firstJoinedAt: iso(attendance.firstJoinedAt),
      joinedAt: iso(attendance.joinedAt),
      leftAt: iso(attendance.leftAt),
      minutes: attendance.minutes ?? 0,
      visits: attendance.visits ?? 0,
    },
    engagement: {
      questions: engagement.questions ?? 0,
      pollAnswers: engagement.pollAnswers ?? 0,
      chatMessages: engagement.chatMessages ?? 0,
    },
    feedback: registration.feedback
      ? { rating: registration.feedback.rating, comment: registration.feedback.comment, givenAt: iso(registration.feedback.givenAt)! }
      : undefined,
    createdAt: iso(registration.createdAt)!,
  };
}
