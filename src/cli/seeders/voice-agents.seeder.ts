import type { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { createHash } from 'node:crypto';
import { Types, type Model } from 'mongoose';
import { insertManySkippingDuplicates } from '../../core/database/duplicate-key.js';
import { auditEntry } from '../../core/lifecycle/index.js';
import { PhoneNumber } from '../../modules/voice-agents/schemas/phone-number.schema.js';
import { VoiceAgent } from '../../modules/voice-agents/schemas/voice-agent.schema.js';
import { Voice } from '../../modules/voice-agents/schemas/voice.schema.js';
import type { AgentStatus } from '../../modules/voice-agents/voice-agent.lifecycle.js';
import { Tenant } from '../../modules/tenancy/schemas/tenant.schema.js';
import type { SeedProgress } from '../seed-progress.js';

/** An agent the calls seeder places history with: its id, its tenant voice and the number it calls from. */
export interface SeededVoiceAgent {
  id: Types.ObjectId;
  voiceId: Types.ObjectId;
  fromNumber: string;
  status: AgentStatus;
}

export interface SeededVoiceAgents {
  /** How many documents this run added (0 on a rerun). */
  inserted: number;
  voiceIds: Types.ObjectId[];
  numberIds: Types.ObjectId[];
  /** Every seeded agent, drafts included. */
  agents: SeededVoiceAgent[];
  /** The active agents only, in the shape calls are placed with. */
  activeAgents: SeededVoiceAgent[];
}

const seededId = (tenantId: Types.ObjectId, kind: string, index: number) =>
  new Types.ObjectId(createHash('sha256').update(`seed-voice-agents:${kind}:${tenantId.toString()}:${index}`).digest('hex').slice(0, 24));

const VOICES = [
  {
    provider: '11labs',
    providerVoiceId: 'seed-northwind-brand',
    name: 'Northwind brand voice',
    language: 'en-US',
    accent: 'American',
    gender: 'female',
  },
  {
    provider: 'playht',
    providerVoiceId: 'seed-northwind-support',
    name: 'Northwind support voice',
    language: 'en-GB',
    accent: 'British',
    gender: 'male',
  },
] as const;

/** New York numbers (valid for libphonenumber, unlike the fictional 555 range), stable across reruns. */
const NUMBERS = [
  { e164: '+16462010101', label: 'Sales line', provider: 'vapi' },
  { e164: '+16462010102', label: 'Renewals line', provider: 'twilio' },
  { e164: '+16462010103', label: 'Spare line', provider: 'vapi' },
] as const;

/** Two agents calling (each from its own number, with its own voice) and a draft still being written. */
const AGENTS = [
  {
    name: 'Demo booker',
    status: 'active',
    voice: 0,
    number: 0,
    outboundPrompt: 'Introduce Northwind, ask whether they would like a 20-minute demo this week, and book a slot.',
    inboundPrompt: 'Thank them for calling Northwind and offer to book a demo.',
    firstMessage: 'Hi, this is Ava from Northwind. Have you got a minute?',
  },
  {
    name: 'Renewals caller',
    status: 'active',
    voice: 1,
    number: 1,
    outboundPrompt: 'Remind the customer their plan renews next month and ask whether anything should change.',
    firstMessage: 'Hello, I am calling from Northwind about your renewal.',
  },
  { name: 'Survey (draft)', status: 'draft', voice: 0, number: 2, outboundPrompt: 'Ask three questions about their last order.' },
] as const;

/**
 * The voice tenant's configuration: two tenant voices, three numbers and three agents (two active, one draft);
 * each number the first two agents call from defaults to its agent for inbound calls. Ids derive from the tenant
 * and the index, so a rerun inserts nothing and answers the same ids. Answers what it seeded.
 */
export async function seedVoiceAgents(
  app: INestApplicationContext,
  progress: SeedProgress,
  voiceTenantId: Types.ObjectId | string,
): Promise<SeededVoiceAgents> {
  const tenantId = typeof voiceTenantId === 'string' ? new Types.ObjectId(voiceTenantId) : voiceTenantId;
  const tenant = await app
    .get<Model<Tenant>>(getModelToken(Tenant.name))
    .findOne({ _id: tenantId }, { createdBy: 1 })
    .lean<{ createdBy?: Types.ObjectId }>();
  const createdBy = tenant?.createdBy ?? tenantId;
  const now = new Date();
  const origin = { trigger: 'system' as const, source: 'seed' };

  const voiceIds = VOICES.map((_, index) => seededId(tenantId, 'voice', index));
  const numberIds = NUMBERS.map((_, index) => seededId(tenantId, 'number', index));
  const agentIds = AGENTS.map((_, index) => seededId(tenantId, 'agent', index));
  progress.start('voice setup', VOICES.length + NUMBERS.length + AGENTS.length);

  let inserted = await insertManySkippingDuplicates(
    app.get<Model<Voice>>(getModelToken(Voice.name)),
    VOICES.map((voice, index) => ({ _id: voiceIds[index], tenantId, ...voice, createdBy, createdAt: now, updatedAt: now })),
    { timestamps: false },
  );
  progress.advance(VOICES.length);

  inserted += await insertManySkippingDuplicates(
    app.get<Model<PhoneNumber>>(getModelToken(PhoneNumber.name)),
    NUMBERS.map((number, index) => {
      const agent = AGENTS.findIndex((candidate) => candidate.number === index && candidate.status === 'active');
      return {
        _id: numberIds[index],
        tenantId,
        ...number,
        capabilities: { voice: true, sms: false },
        status: 'active',
        ...(agent >= 0 ? { defaultAgentId: agentIds[agent] } : {}),
        audit: [auditEntry(null, 'active', origin, now)],
        createdBy,
        createdAt: now,
        updatedAt: now,
      };
    }),
    { timestamps: false },
  );
  progress.advance(NUMBERS.length);

  inserted += await insertManySkippingDuplicates(
    app.get<Model<VoiceAgent>>(getModelToken(VoiceAgent.name)),
    AGENTS.map(({ voice, number, status, ...agent }, index) => ({
      _id: agentIds[index],
      tenantId,
      ...agent,
      voiceId: voiceIds[voice].toHexString(),
      defaultNumberId: numberIds[number],
      createdBy,
      status,
      audit: [
        auditEntry<AgentStatus>(null, 'draft', origin, now),
        ...(status === 'draft' ? [] : [auditEntry<AgentStatus>('draft', status, origin, now)]),
      ],
      createdAt: now,
      updatedAt: now,
    })),
    { timestamps: false },
  );
  progress.advance(AGENTS.length);
  progress.stop();

  const agents = AGENTS.map((agent, index) => ({
    id: agentIds[index],
    voiceId: voiceIds[agent.voice],
    fromNumber: NUMBERS[agent.number].e164,
    status: agent.status as AgentStatus,
  }));
  return { inserted, voiceIds, numberIds, agents, activeAgents: agents.filter((agent) => agent.status === 'active') };
}
