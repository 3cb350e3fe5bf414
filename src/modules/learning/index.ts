/** The public surface of learning: the module, the teacher directory sessions book against and its events. */
export { LearningModule } from './learning.module.js';
export {
  SKILL_LEVELS,
  TeacherDirectory,
  type AvailabilitySlot,
  type SkillLevel,
  type TeachingOffer,
  type WeeklyAvailability,
} from './teacher-directory.js';
export type { SkillHoldersEvent } from './learning.events.js';
