import type { LearningSkillDto, TeachingSkillDto, UserSkillsDto } from './dto/profile.dto.js';
import type { LearnerProfile, LearningSkill, TeachingSkill } from './schemas/learner-profile.schema.js';

export function toTeachingSkillDto(skill: TeachingSkill): TeachingSkillDto {
  return {
    skillId: skill.skill.toString(),
    level: skill.level,
    ...(skill.hourlyRate ? { hourlyRate: { amount: skill.hourlyRate.amount, currency: skill.hourlyRate.currency } } : {}),
    ...(skill.yearsOfExperience === undefined ? {} : { yearsOfExperience: skill.yearsOfExperience }),
    verification: {
      isVerified: skill.verification?.isVerified ?? false,
      ...(skill.verification?.verifiedBy ? { verifiedBy: skill.verification.verifiedBy.toString() } : {}),
      ...(skill.verification?.verifiedAt ? { verifiedAt: skill.verification.verifiedAt.toISOString() } : {}),
    },
  };
}

export function toLearningSkillDto(skill: LearningSkill): LearningSkillDto {
  return {
    skillId: skill.skill.toString(),
    ...(skill.currentLevel ? { currentLevel: skill.currentLevel } : {}),
    goalLevel: skill.goalLevel,
    ...(skill.targetDate ? { targetDate: skill.targetDate.toISOString() } : {}),
  };
}

/** Skills are public profile information; availability is shown only when `withAvailability` (the user or staff). */
export function toUserSkillsDto(userId: string, profile: LearnerProfile | null, withAvailability: boolean): UserSkillsDto {
  const availability = withAvailability && profile?.availability ? profile.availability : undefined;
  return {
    userId,
    teaching: (profile?.teachingSkills ?? []).map(toTeachingSkillDto),
    learning: (profile?.learningSkills ?? []).map(toLearningSkillDto),
    ...(availability
      ? { availability: { timezone: availability.timezone, slots: availability.slots.map(({ day, start, end }) => ({ day, start, end })) } }
      : {}),
    standing: {
      rating: profile?.standing?.rating ?? null,
      ratingCount: profile?.standing?.ratingCount ?? 0,
      sessionsTaught: profile?.standing?.sessionsTaught ?? 0,
    },
  };
}
