import { iso } from '../../core/http/serialize.js';
import type { WebinarDto } from './dto/webinar.dto.js';
import type { Webinar } from './schemas/webinar.schema.js';

/** The public view never carries the join link; staff see it (`withMeeting`). */
export function toWebinarDto(webinar: Webinar, withMeeting = false): WebinarDto {
  return {
    id: webinar._id.toString(),
    title: webinar.title,
    description: webinar.description ?? '',
    hosts: (webinar.hosts ?? []).map((host) => ({ name: host.name, title: host.title })),
    startsAt: iso(webinar.startsAt)!,
    endsAt: iso(webinar.endsAt)!,
    durationMinutes: webinar.durationMinutes,
    timezone: webinar.timezone,
    capacity: webinar.capacity,
    seatsLeft: Math.max(0, webinar.capacity - webinar.seatsTaken),
    status: webinar.status,
    meeting: withMeeting ? { joinUrl: webinar.meeting.joinUrl, details: webinar.meeting.details } : undefined,
    createdAt: iso(webinar.createdAt)!,
  };
}

export const toStaffWebinarDto = (webinar: Webinar): WebinarDto => toWebinarDto(webinar, true);
