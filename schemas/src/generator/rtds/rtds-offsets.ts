import type { Prng } from '../prng.js';

/**
 * Hands out a stream's offsets: strictly increasing numbers with gaps (the events other filters took),
 * written as opaque strings — decimal like `"1000001778910"` or unpadded base64 of it like `"MTIzNQ"`.
 */
export class OffsetSequence {
  private current: number;
  private last: { readonly text: string; readonly sequence: number } | undefined;

  constructor(
    first: number,
    private readonly encoding: 'numeric' | 'base64',
    private readonly rng: Prng,
  ) {
    this.current = first - 1;
  }

  /** A new offset beyond every earlier one, with its number. */
  next(): { readonly text: string; readonly sequence: number } {
    this.current += this.rng.int(1, 3);
    this.last = { text: encodeOffset(this.current, this.encoding), sequence: this.current };
    return this.last;
  }

  /** The offset handed out last, if any. */
  latest(): { readonly text: string; readonly sequence: number } | undefined {
    return this.last;
  }
}

/** The text of offset number `value`. */
export function encodeOffset(value: number, encoding: 'numeric' | 'base64'): string {
  const digits = String(value);
  return encoding === 'numeric' ? digits : Buffer.from(digits).toString('base64').replace(/=+$/, '');
}

/** The number behind an offset this generator wrote (for simulators that must resume after one). */
export function decodeOffset(offset: string, encoding: 'numeric' | 'base64'): number {
  const digits = encoding === 'numeric' ? offset : Buffer.from(offset, 'base64').toString('utf8');
  const value = Number(digits);
  if (!/^\d+$/.test(digits) || !Number.isSafeInteger(value))
    throw new RangeError(`not an offset of this stream: ${offset}`);
  return value;
}
