import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Every TypeScript source file under `dir`, specs aside. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/**
 * The OpenAPI document names a schema after its class, and a second class of the same name silently replaces the
 * first one's schema (a sign-in session's answer documented as a learning session's). So every class that can reach
 * the document (request and response classes) has a name of its own across the whole application.
 */
describe('request and response class names', () => {
  it('are unique across every module', () => {
    const seen = new Map<string, string[]>();
    for (const file of sources(src)) {
      const text = readFileSync(file, 'utf8');
      if (!/@nestjs\/swagger/.test(text)) continue;
      for (const [, name] of text.matchAll(/export class (\w+)/g)) seen.set(name, [...(seen.get(name) ?? []), relative(src, file)]);
    }
    const clashes = [...seen].filter(([, files]) => files.length > 1).map(([name, files]) => `${name}: ${files.join(', ')}`);
    expect(clashes).toEqual([]);
  });
});
