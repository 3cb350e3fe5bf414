/**
 * JSON with object keys sorted at every depth, so two bodies that mean the same thing serialize the
 * same whatever order the client wrote their fields in. Arrays keep their order (it means something);
 * like JSON.stringify, undefined fields are left out and undefined array items become null.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sorted(value)) ?? 'null';
}

function sorted(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const json = (value as { toJSON?: () => unknown }).toJSON;
  if (typeof json === 'function') return sorted(json.call(value));
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : sorted(item)));
  // No prototype: a parsed "__proto__" field stays a field.
  const result: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value).sort()) {
    const child = (value as Record<string, unknown>)[key];
    if (child !== undefined && typeof child !== 'function') result[key] = sorted(child);
  }
  return result;
}
