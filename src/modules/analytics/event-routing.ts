/** Which stream an event is stored in, by its name's first word; the rest are product events. */
export const EVENT_STREAMS = {
  chat: 'chatinteractions',
  tool: 'toolusages',
  behavior: 'userbehaviors',
  perf: 'performancemetrics',
} as const;

export type EventStream = (typeof EVENT_STREAMS)[keyof typeof EVENT_STREAMS] | 'userevents';

export function streamOf(name: string): EventStream {
  const prefix = name.split('.', 1)[0];
  return Object.hasOwn(EVENT_STREAMS, prefix) ? EVENT_STREAMS[prefix as keyof typeof EVENT_STREAMS] : 'userevents';
}

/** A tool event names its tool in `properties.toolId`, or as the name's second word (`tool.translator.used`). */
export function toolIdOf(name: string, properties: Record<string, unknown> | undefined): string {
  const given = properties?.toolId;
  if (typeof given === 'string' && given.length > 0) return given.slice(0, 64);
  return name.split('.')[1] ?? name;
}
