import { HttpStatus } from '@nestjs/common';
import { ProblemException, ValidationProblem } from '../../core/http/problem.js';

/** Something the tenant does not have (or another tenant's, which to this tenant does not exist). */
export const notFound = (what: string) => new ProblemException(HttpStatus.NOT_FOUND, 'not-found', 'Not found', `No such ${what}.`);

/**
 * A reference in the body to something the tenant does not have: 422 naming the field (the request is well formed and
 * its URL exists; what it points at does not), the same answer for an unknown id and for another tenant's, so ids
 * cannot be probed across tenants. 404 stays the answer for the URL's own resource.
 */
export const unknownReference = (field: string, what: string) =>
  new ProblemException(
    HttpStatus.UNPROCESSABLE_ENTITY,
    `${what.replace(/ /g, '-')}-not-found`,
    'Unknown reference',
    `${field}: no such ${what} in this tenant.`,
    {
      field,
    },
  );

export const invalidPhone = (field: string) =>
  new ValidationProblem([{ field, message: `${field} must be a valid phone number (E.164, or national with a country code)` }]);

export const phoneNumberTaken = (e164: string) =>
  new ProblemException(HttpStatus.CONFLICT, 'phone-number-taken', 'Number taken', `${e164} is already registered.`, { e164 });

export const voiceTaken = () =>
  new ProblemException(HttpStatus.CONFLICT, 'voice-taken', 'Voice already registered', 'The tenant already has this provider voice.');

export const voiceInUse = (agents: { id: string; name: string }[]) =>
  new ProblemException(
    HttpStatus.CONFLICT,
    'voice-in-use',
    'Voice in use',
    `Agents still speak with this voice: ${agents.map((agent) => agent.name).join(', ')}. Give them another voice first.`,
    { agents },
  );

export const numberInUse = (agents: { id: string; name: string }[]) =>
  new ProblemException(
    HttpStatus.CONFLICT,
    'phone-number-in-use',
    'Number in use',
    `Agents still call from this number: ${agents.map((agent) => agent.name).join(', ')}. Give them another number or archive them first.`,
    { agents },
  );

export const agentIncomplete = (missing: string[]) =>
  new ProblemException(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'agent-incomplete',
    'Agent incomplete',
    `An active agent needs a voice and a default number; missing: ${missing.join(', ')}.`,
    { missing },
  );

export const numberNotActive = (status: string) =>
  new ProblemException(
    HttpStatus.CONFLICT,
    'phone-number-not-active',
    'Number not active',
    `The agent's default number is ${status}; only an active number calls.`,
    { numberStatus: status },
  );

export const agentNotActive = (status: string) =>
  new ProblemException(HttpStatus.CONFLICT, 'agent-not-active', 'Agent not active', `The agent is ${status}; only an active agent calls.`, {
    agentStatus: status,
  });

export const agentArchived = () =>
  new ProblemException(HttpStatus.CONFLICT, 'agent-archived', 'Agent archived', 'An archived agent no longer changes.');

export const agentNotDraft = (status: string) =>
  new ProblemException(
    HttpStatus.CONFLICT,
    'agent-not-draft',
    'Only drafts are deleted',
    `The agent is ${status}: it may have placed calls, whose history names it. Archive it instead.`,
    { agentStatus: status },
  );

export const limitReached = (what: string, max: number) =>
  new ProblemException(HttpStatus.CONFLICT, 'limit-reached', 'Limit reached', `A tenant keeps at most ${max} ${what}.`, { max });
