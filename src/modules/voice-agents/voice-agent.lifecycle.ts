import { defineLifecycle } from '../../core/lifecycle/index.js';

export const AGENT_STATUSES = ['draft', 'active', 'paused', 'archived'] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];

/**
 * An agent is drafted, activated once it has a voice and a number (checked by the service, beside the move),
 * paused and resumed while campaigns run, and archived when retired; archived is final. A draft that never
 * ran may be archived (or deleted) directly; an active one is archived without pausing first. The tenant's
 * owners and admins (`owner`) and staff for support make every move.
 */
export const agentLifecycle = defineLifecycle<AgentStatus>({
  resource: 'voice agent',
  states: AGENT_STATUSES,
  initial: 'draft',
  moves: [
    { from: 'draft', to: 'active', by: ['owner', 'staff'] },
    { from: 'draft', to: 'archived', by: ['owner', 'staff'] },
    { from: 'active', to: 'paused', by: ['owner', 'staff'] },
    { from: 'active', to: 'archived', by: ['owner', 'staff'] },
    { from: 'paused', to: 'active', by: ['owner', 'staff'] },
    { from: 'paused', to: 'archived', by: ['owner', 'staff'] },
  ],
});
