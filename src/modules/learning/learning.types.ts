/** The vocabulary of teaching and availability that other contexts share with learning. */
export const SKILL_LEVELS = ['beginner', 'intermediate', 'advanced', 'expert'] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];

/** What a teacher offers for one skill. */
export type TeachingOffer = {
  level: SkillLevel;
  /** Per hour, in minor units of `currency`; absent when the teacher teaches for free. */
  hourlyRate?: { amount: number; currency: string };
  yearsOfExperience?: number;
  /** Staff checked this teaching skill. */
  verified: boolean;
};

/** One weekly window, in the owner's time zone: `day` 0 = Sunday … 6 = Saturday, times "HH:mm", end after start. */
export type AvailabilitySlot = { day: number; start: string; end: string };
export type WeeklyAvailability = { timezone: string; slots: AvailabilitySlot[] };
