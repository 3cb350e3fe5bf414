import type { WebinarRegistration } from './schemas/webinar-registration.schema.js';
import type { Webinar } from './schemas/webinar.schema.js';
import type { WebinarNotice } from './webinars.events.js';

/** What every notice about a registration carries: the webinar, and who to tell. */
export const noticeOf = (webinar: Webinar, registration: WebinarRegistration): WebinarNotice => ({
  registrationId: registration._id.toString(),
  webinarId: webinar._id.toString(),
  webinarTitle: webinar.title,
  webinarStartsAt: webinar.startsAt.toISOString(),
  webinarTimezone: webinar.timezone,
  registrantEmail: registration.email,
  registrantName: registration.name,
  registrantId: registration.userId?.toString(),
});

/** "Tuesday, 3 March 2026 at 14:00 (Europe/Berlin)": the start as the webinar announces it. */
export function formatStart(iso: string, timezone: string): string {
  try {
    const text = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: timezone }).format(new Date(iso));
    return `${text} (${timezone})`;
  } catch {
    return `${iso} (UTC)`;
  }
}
