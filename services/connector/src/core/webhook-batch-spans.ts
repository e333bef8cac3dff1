/** A byte range `[start, end)` of a body. */
export interface ByteSpan {
  readonly start: number;
  readonly end: number;
}

/** Where the items of a batch body are, byte for byte. */
export interface BatchSpans {
  /** One span per element of the root object's `batch` array, in order. */
  readonly items: readonly ByteSpan[];
  /** The `batch` array itself, brackets included. */
  readonly array: ByteSpan;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

/**
 * Finds the items of the root object's `batch` array in a body that is already known to be valid JSON, so
 * each item can be written as the exact bytes its sender wrote (numbers beyond 2^53, escapes and spacing
 * survive, which a parse-and-serialise round trip would not). Works on bytes: every structural JSON
 * character is ASCII and never occurs inside a multi-byte UTF-8 sequence. Member names are compared after
 * JSON decoding (`"\u0062atch"` is `batch`) and the last `batch` member wins, both as `JSON.parse` does.
 * Returns undefined when the root is not an object with a `batch` array.
 */
export function findBatchSpans(body: Uint8Array): BatchSpans | undefined {
  const scanner = new Scanner(body);
  let at = scanner.skipSpace(0);
  if (body[at] !== OPEN_OBJECT) return undefined;
  at = scanner.skipSpace(at + 1);
  let found: BatchSpans | undefined;
  while (at < body.length && body[at] !== CLOSE_OBJECT) {
    if (body[at] !== QUOTE) return undefined;
    const nameEnd = scanner.skipString(at);
    const name = decodeName(body.subarray(at, nameEnd));
    at = scanner.skipSpace(nameEnd);
    if (body[at] !== COLON) return undefined;
    const valueStart = scanner.skipSpace(at + 1);
    const valueEnd = scanner.skipValue(valueStart);
    if (name === 'batch')
      found = body[valueStart] === OPEN_ARRAY ? scanner.arrayItems(valueStart) : undefined;
    at = scanner.skipSpace(valueEnd);
    if (body[at] === COMMA) at = scanner.skipSpace(at + 1);
  }
  return found;
}

/** Cursor helpers over a valid JSON text; each returns the index just past what it skipped. */
class Scanner {
  constructor(private readonly body: Uint8Array) {}

  skipSpace(at: number): number {
    let index = at;
    while (index < this.body.length && isSpace(this.body[index])) index++;
    return index;
  }

  skipString(at: number): number {
    let index = at + 1;
    while (index < this.body.length) {
      const byte = this.body[index];
      if (byte === BACKSLASH) index += 2;
      else if (byte === QUOTE) return index + 1;
      else index++;
    }
    return index;
  }

  skipValue(at: number): number {
    const first = this.body[at];
    if (first === QUOTE) return this.skipString(at);
    if (first !== OPEN_OBJECT && first !== OPEN_ARRAY) return this.skipScalar(at);
    let depth = 0;
    let index = at;
    while (index < this.body.length) {
      const byte = this.body[index];
      if (byte === QUOTE) {
        index = this.skipString(index);
        continue;
      }
      if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) depth++;
      else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
        depth--;
        if (depth === 0) return index + 1;
      }
      index++;
    }
    return index;
  }

  arrayItems(open: number): BatchSpans {
    const items: ByteSpan[] = [];
    let at = this.skipSpace(open + 1);
    while (at < this.body.length && this.body[at] !== CLOSE_ARRAY) {
      const end = this.skipValue(at);
      // Only reachable on text that is not JSON; stops instead of spinning on it.
      if (end === at) break;
      items.push({ start: at, end });
      at = this.skipSpace(end);
      if (this.body[at] === COMMA) at = this.skipSpace(at + 1);
    }
    return { items, array: { start: open, end: at + 1 } };
  }

  private skipScalar(at: number): number {
    let index = at;
    while (index < this.body.length) {
      const byte = this.body[index];
      if (byte === COMMA || byte === CLOSE_OBJECT || byte === CLOSE_ARRAY || isSpace(byte)) break;
      index++;
    }
    return index;
  }
}

function isSpace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

function decodeName(token: Uint8Array): string | undefined {
  try {
    const name: unknown = JSON.parse(Buffer.from(token).toString('utf8'));
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}
