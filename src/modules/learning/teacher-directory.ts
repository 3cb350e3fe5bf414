import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import { isObjectId } from '../../core/http/object-id.pipe.js';
import { LearnerProfilesRepository } from './learner-profiles.repository.js';
import type { TeachingOffer, WeeklyAvailability } from './learning.types.js';
import { fitsWindow } from './weekly-time.js';

export { SKILL_LEVELS, type AvailabilitySlot, type SkillLevel, type TeachingOffer, type WeeklyAvailability } from './learning.types.js';

/** Teachers as other contexts (learning sessions) see them. */
@Injectable()
export class TeacherDirectory {
  constructor(private readonly profiles: LearnerProfilesRepository) {}

  /** The teacher's offer for the skill, or undefined when they do not teach it. */
  async teachingOffer(teacherId: string, skillId: string): Promise<TeachingOffer | undefined> {
    if (!isObjectId(teacherId) || !isObjectId(skillId)) return undefined;
    const profile = await this.profiles.findByUser(teacherId);
    const skill = new Types.ObjectId(skillId);
    const offer = profile?.teachingSkills.find((candidate) => candidate.skill.equals(skill));
    if (!offer) return undefined;
    return {
      level: offer.level,
      ...(offer.hourlyRate ? { hourlyRate: { amount: offer.hourlyRate.amount, currency: offer.hourlyRate.currency } } : {}),
      ...(offer.yearsOfExperience === undefined ? {} : { yearsOfExperience: offer.yearsOfExperience }),
      verified: offer.verification?.isVerified ?? false,
    };
  }

  /** The user's weekly availability, or undefined when they set none. */
  async availability(userId: string): Promise<WeeklyAvailability | undefined> {
    if (!isObjectId(userId)) return undefined;
    const availability = (await this.profiles.findByUser(userId))?.availability;
    if (!availability) return undefined;
    return { timezone: availability.timezone, slots: availability.slots.map(({ day, start, end }) => ({ day, start, end })) };
  }

  /** Whether [start, end) lies inside one of the user's weekly windows, read in their time zone. */
  async isAvailable(userId: string, start: Date, end: Date): Promise<boolean> {
    const availability = await this.availability(userId);
    return availability !== undefined && fitsWindow(availability, start.getTime(), end.getTime());
  }
}
