import { INPUT_LIMITS, type LimitBreach } from './input-limits.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const AMPERSAND = 0x26;
const isSpace = (byte: number) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

/** Checks raw bytes as they arrive; the first bound exceeded is returned and the body need not be read further. */
export interface ShapeScanner {
  write(chunk: Buffer): LimitBreach | undefined;
}

/**
 * The bounds of input-limits.ts, counted on JSON text before it is parsed: parsing a 1 MiB object of
 * 90,000 keys alone costs ~100 ms, so a hostile body is refused after its first few kilobytes instead.
 * Counts match the walk over the parsed value; malformed JSON is left to the parser.
 */
export class JsonShapeScanner implements ShapeScanner {
  private inString = false;
  private escaped = false;
  private depth = 0;
  private keys = 0;
  private values = 0;
  private rootSeen = false;
  /** Per open container: 1 for an object, 2 for an array. */
  private readonly kinds = new Uint8Array(INPUT_LIMITS.depth + 1);
  /** Per open container: its elements so far (0 while still empty). */
  private readonly elements = new Uint32Array(INPUT_LIMITS.depth + 1);

  write(chunk: Buffer): LimitBreach | undefined {
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (byte === BACKSLASH) this.escaped = true;
        else if (byte === QUOTE) this.inString = false;
        continue;
      }
      if (isSpace(byte)) continue;
      if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
        if (this.depth > 0) this.depth--;
        continue;
      }
      if (byte === COLON) {
        if (++this.keys > INPUT_LIMITS.keys) return breach('keys');
        continue;
      }
      if (byte === COMMA) {
        const breached = this.addElement();
        if (breached) return breached;
        continue;
      }
      // The first byte of the root value, or of a container's first element (an object's first key).
      if (this.depth === 0 ? !this.rootSeen : this.elements[this.depth - 1] === 0) {
        this.rootSeen = true;
        const breached = this.addElement();
        if (breached) return breached;
      }
      if (byte === QUOTE) this.inString = true;
      else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
        if (this.depth >= INPUT_LIMITS.depth) return breach('depth');
        this.kinds[this.depth] = byte === OPEN_OBJECT ? 1 : 2;
        this.elements[this.depth] = 0;
        this.depth++;
      }
    }
    return undefined;
  }

  private addElement(): LimitBreach | undefined {
    if (++this.values > INPUT_LIMITS.values) return breach('values');
    if (this.depth === 0) return undefined;
    const count = ++this.elements[this.depth - 1];
    if (this.kinds[this.depth - 1] === 1 && count > INPUT_LIMITS.keysPerObject) return breach('keysPerObject');
    if (this.kinds[this.depth - 1] === 2 && count > INPUT_LIMITS.arrayLength) return breach('arrayLength');
    return undefined;
  }
}

/** Form bodies (`a=1&b=2`): parameters counted by their separators before the form is parsed. */
export class FormShapeScanner implements ShapeScanner {
  private parameters = 1;

  write(chunk: Buffer): LimitBreach | undefined {
    for (let at = chunk.indexOf(AMPERSAND); at !== -1; at = chunk.indexOf(AMPERSAND, at + 1)) {
      if (++this.parameters > INPUT_LIMITS.parameters) return breach('parameters');
    }
    return undefined;
  }
}

const breach = (limit: LimitBreach['limit']): LimitBreach => ({ limit, max: INPUT_LIMITS[limit], field: 'body' });
