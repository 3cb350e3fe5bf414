import type { Types } from 'mongoose';
import { iso } from '../../core/http/serialize.js';
import type { ActivityDto } from './dto/activity.dto.js';
import type { SessionDto } from './dto/session.dto.js';
import type { PublicUserDto, UserDto } from './dto/user.dto.js';
import type { User, UserProfile } from './schemas/user.schema.js';
import type { UserActivity } from './schemas/user-activity.schema.js';
import type { UserSession } from './schemas/user-session.schema.js';

export function toUserDto(user: User): UserDto {
  return {
    id: user._id.toString(),
    email: user.email,
    role: user.role,
    status: user.status,
    statusReason: user.statusReason,
    profile: {
      firstName: user.profile?.firstName,
      lastName: user.profile?.lastName,
      displayName: user.profile?.displayName,
      avatarUrl: user.profile?.avatarUrl,
      bio: user.profile?.bio,
      timezone: user.profile?.timezone ?? 'UTC',
      locale: user.profile?.locale ?? 'en',
      phone: user.profile?.phone,
    },
    preferences: {
      theme: user.preferences?.theme ?? 'system',
      productEmails: user.preferences?.productEmails ?? true,
      marketingEmails: user.preferences?.marketingEmails ?? false,
    },
    emailVerified: user.emailVerifiedAt != null,
    emailVerifiedAt: iso(user.emailVerifiedAt),
    plan: user.plan ?? 'free',
    lastLoginAt: iso(user.lastLoginAt),
    createdAt: iso(user.createdAt)!,
    updatedAt: iso(user.updatedAt)!,
  };
}

/** The name a user chose to show others: the display name, else first and last; never derived from the address. */
export function publicNameOf(profile: Partial<UserProfile> | undefined): string | undefined {
  return profile?.displayName ?? ([profile?.firstName, profile?.lastName].filter(Boolean).join(' ') || undefined);
}

/** How a message addresses the user: their public name, else the local part of their address. */
export const salutationOf = (user: Pick<User, 'email' | 'profile'>): string => publicNameOf(user.profile) ?? user.email.split('@')[0];

export function toPublicUserDto(user: User): PublicUserDto {
  return {
    id: user._id.toString(),
    displayName: publicNameOf(user.profile),
    avatarUrl: user.profile?.avatarUrl,
    bio: user.profile?.bio,
    role: user.role,
    createdAt: iso(user.createdAt)!,
    updatedAt: iso(user.updatedAt)!,
  };
}

export function toSessionDto(session: UserSession, currentSessionId: string): SessionDto {
  return {
    id: session._id.toString(),
    userAgent: session.userAgent,
    ip: session.ip,
    lastSeenAt: iso(session.lastSeenAt)!,
    expiresAt: iso(session.expiresAt)!,
    current: session._id.toString() === currentSessionId,
    createdAt: iso(session.createdAt)!,
    updatedAt: iso(session.updatedAt)!,
  };
}

export function toActivityDto(activity: UserActivity): ActivityDto {
  return {
    id: activity._id.toString(),
    type: activity.type,
    actorId: (activity.actorId as Types.ObjectId | undefined)?.toString(),
    ip: activity.ip,
    userAgent: activity.userAgent,
    details: activity.details,
    createdAt: iso(activity.createdAt)!,
    updatedAt: iso(activity.updatedAt)!,
  };
}
