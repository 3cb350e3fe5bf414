import type { SupportConfig } from './support.config.js';
import type { TicketPriority } from './ticket-fields.js';

const HOUR_MS = 3_600_000;

export interface SlaDueTimes {
  firstResponseDueAt: Date;
  resolutionDueAt: Date;
}

const FIRST_RESPONSE: Record<TicketPriority, keyof SupportConfig> = {
  low: 'SUPPORT_SLA_FIRST_RESPONSE_HOURS_LOW',
  normal: 'SUPPORT_SLA_FIRST_RESPONSE_HOURS_NORMAL',
  high: 'SUPPORT_SLA_FIRST_RESPONSE_HOURS_HIGH',
  urgent: 'SUPPORT_SLA_FIRST_RESPONSE_HOURS_URGENT',
};

const RESOLUTION: Record<TicketPriority, keyof SupportConfig> = {
  low: 'SUPPORT_SLA_RESOLUTION_HOURS_LOW',
  normal: 'SUPPORT_SLA_RESOLUTION_HOURS_NORMAL',
  high: 'SUPPORT_SLA_RESOLUTION_HOURS_HIGH',
  urgent: 'SUPPORT_SLA_RESOLUTION_HOURS_URGENT',
};

/**
 * When the desk owes a ticket its first reply and its resolution, counted in wall-clock hours from
 * its creation. A resolution target shorter than the first-response one is lifted to it: a ticket
 * cannot be due resolved before it is due answered.
 */
export function slaDueTimes(priority: TicketPriority, openedAt: Date, config: SupportConfig): SlaDueTimes {
  const firstResponseHours = config[FIRST_RESPONSE[priority]];
  const resolutionHours = Math.max(config[RESOLUTION[priority]], firstResponseHours);
  return {
    firstResponseDueAt: new Date(openedAt.getTime() + firstResponseHours * HOUR_MS),
    resolutionDueAt: new Date(openedAt.getTime() + resolutionHours * HOUR_MS),
  };
}

/** Whether the requester may still reopen a ticket resolved at `resolvedAt`. */
export function withinReopenWindow(resolvedAt: Date | undefined, now: Date, windowDays: number): boolean {
  if (!resolvedAt) return false;
  return now.getTime() - resolvedAt.getTime() <= windowDays * 24 * HOUR_MS && windowDays > 0;
}
