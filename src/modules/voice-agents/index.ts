/** The public surface of this context: the module, the directory calls read agents from, and the inbound resolver. */
export { VoiceAgentsModule } from './voice-agents.module.js';
export { AgentDirectory, PhoneResolver, type AgentForCall, type ResolvedNumber } from './agent-directory.js';
export { AGENT_STATUSES, type AgentStatus } from './voice-agent.lifecycle.js';
