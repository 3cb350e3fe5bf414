// Payloads are type aliases (the relay stores them as plain records); field names stay unique across the catalogue.

/**
 * How many users now teach and learn a skill, counted after a profile changed. Absolute counts with the
 * time they were taken, so a listener keeps the newest whatever the delivery order and a replay changes nothing.
 */
export type SkillHoldersEvent = {
  heldSkillId: string;
  teacherCount: number;
  learnerCount: number;
  /** ISO 8601. */
  holdersCountedAt: string;
};

declare module '../../core/events/event-catalogue.js' {
  interface EventCatalogue {
    'learning.skill-holders': SkillHoldersEvent;
  }
}
