/** The public surface of skills: the module, the catalogue other contexts query and the events it publishes. */
export { SkillsModule } from './skills.module.js';
export { SkillCatalogue, type LearningPath, type SkillSummary } from './skill-catalogue.js';
export type { SkillRemovedEvent } from './skills.events.js';
export { SKILL_STATUSES, type SkillStatus } from './schemas/skill.schema.js';
