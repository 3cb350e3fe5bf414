export const ROLES = ['user', 'staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: the verified claims of the access token. */
export interface Actor {
  id: string;
  role: Role;
  sessionId: string;
}

export const isStaff = (actor: Actor): boolean => actor.role === 'staff' || actor.role === 'admin';
