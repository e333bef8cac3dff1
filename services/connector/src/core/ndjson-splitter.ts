const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * Splits an NDJSON byte stream into lines at the byte level, so a line (or a multi-byte UTF-8 character)
 * cut across network chunks comes out whole: 0x0A never occurs inside a UTF-8 multi-byte sequence. A
 * trailing `\r` is stripped. Lines are returned as the original bytes; empty lines (RTDS keepalives) are
 * returned as empty buffers. Memory is bounded by `maxLineBytes`.
 */
export class NdjsonSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(private readonly maxLineBytes = 8 * 1024 * 1024) {}

  /** Feeds a chunk; returns the lines it completed. Throws when one line exceeds `maxLineBytes`. */
  push(chunk: Buffer): Buffer[] {
    const lines: Buffer[] = [];
    let start = 0;
    let newline = chunk.indexOf(NEWLINE, start);
    while (newline !== -1) {
      lines.push(this.take(chunk.subarray(start, newline)));
      start = newline + 1;
      newline = chunk.indexOf(NEWLINE, start);
    }
    if (start < chunk.length) {
      const rest = chunk.subarray(start);
      this.pendingBytes += rest.length;
      if (this.pendingBytes > this.maxLineBytes) {
        throw new RangeError(`NDJSON line longer than ${this.maxLineBytes} bytes`);
      }
      // Copied: the caller may reuse the chunk's memory.
      this.pending.push(Buffer.from(rest));
    }
    return lines;
  }

  /** Bytes of an unfinished line (the stream ended or broke mid-line); they are not an event. */
  get partialBytes(): number {
    return this.pendingBytes;
  }

  /** Forgets an unfinished line (after a disconnect the stream resumes from the checkpoint). */
  reset(): void {
    this.pending = [];
    this.pendingBytes = 0;
  }

  private take(tail: Buffer): Buffer {
    let line = tail;
    if (this.pending.length > 0) {
      line = Buffer.concat([...this.pending, tail]);
      this.reset();
    }
    return line.length > 0 && line[line.length - 1] === CARRIAGE_RETURN
      ? line.subarray(0, line.length - 1)
      : line;
  }
}
