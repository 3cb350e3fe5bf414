// Payloads are type aliases (the relay stores them as plain records); field names stay unique across the catalogue.

/** A skill left the catalogue: whoever keeps it in a list drops it. */
export type SkillRemovedEvent = { removedSkillId: string };

declare module '../../core/events/event-catalogue.js' {
  interface EventCatalogue {
    'skills.skill-removed': SkillRemovedEvent;
  }
}
