import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { knownSkills } from './learning-path.service.js';

const [taught, reached, exceeded, pending, fresh] = Array.from({ length: 5 }, () => new Types.ObjectId());

describe('what a caller already knows, for their learning path', () => {
  it('counts every skill taught and every learning goal reached, and nothing else', () => {
    const known = knownSkills({
      teachingSkills: [{ skill: taught, level: 'beginner', verification: { isVerified: false } }],
      learningSkills: [
        { skill: reached, currentLevel: 'advanced', goalLevel: 'advanced' },
        { skill: exceeded, currentLevel: 'expert', goalLevel: 'intermediate' },
        { skill: pending, currentLevel: 'intermediate', goalLevel: 'expert' },
        { skill: fresh, goalLevel: 'beginner' },
      ],
    });
    expect([...known].sort()).toEqual([taught, reached, exceeded].map(String).sort());
  });

  it('knows nothing for a caller without a profile', () => {
    expect(knownSkills(null).size).toBe(0);
  });
});
