import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { EntryMatcher } from './event-filter.js';
import type { DisconnectFault, StallFault, StreamFault } from './fault-script.js';
import type { RetainedLog } from './retained-log.js';
import type { RtdsConnectionRecord, StreamEndReason } from './simulator-stats.js';
import { createWireEncoder, type WireEncoder, type WireEncoding } from './wire-encoder.js';

/** The media type of stream responses, as the spec's response schema gives it. */
export const RTDS_STREAM_CONTENT_TYPE = 'application/vnd.urbanairship+x-ndjson; version=3;';

/** Characters of event lines gathered before they are written as one chunk. */
const BATCH_CHARS = 64 * 1024;

/** Everything one served stream needs. */
export interface SessionSetup {
  readonly log: RetainedLog;
  /** Absolute log index of the first event to consider. */
  readonly position: number;
  /** Offset an OFFSET_UPDATE reports before any event was considered on this connection. */
  readonly lastConsidered: string | undefined;
  readonly matcher: EntryMatcher;
  readonly enableOffsetUpdates: boolean;
  readonly keepaliveMs: number;
  readonly encoding: WireEncoding;
  readonly gzipLevel: number;
  readonly faults: readonly StreamFault[];
  /** Clock of OFFSET_UPDATE times (event content; stalls and keepalives run on real time). */
  readonly now: () => number;
  readonly record: RtdsConnectionRecord;
  /** Called once per event line written (for totals). */
  readonly onEvent: () => void;
}

/**
 * One `200` stream: replays the retained log from the request's position, then follows live appends,
 * writing a keepalive (blank line, or OFFSET_UPDATE when enabled) whenever nothing was written for
 * `keepaliveMs`, and applying scripted disconnects and stalls.
 */
export class StreamSession {
  private readonly encoder: WireEncoder;
  private readonly abort = new AbortController();
  private readonly stopped = new Promise<void>((resolve) => {
    this.abort.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  private readonly keepalive: NodeJS.Timeout;
  private readonly unsubscribe: () => void;
  private readonly done: Promise<void>;
  private position: number;
  private lastConsidered: string | undefined;
  /** `performance.now()` until which nothing at all is written. */
  private stalledUntil = 0;
  private cutAtBytes: number | undefined;
  private wake: (() => void) | undefined;
  /** The pump has stopped; the wire may still carry the end of a cleanly ended body. */
  private closed = false;
  private wireCut = false;
  private batch: string[] = [];
  private batchLength = 0;
  /** Served-event counts at which a scripted stall or disconnect is due. */
  private readonly faultCounts: ReadonlySet<number>;
  private pendingWrites = 0;
  private allWritten: (() => void) | undefined;

  constructor(
    private readonly res: ServerResponse,
    private readonly setup: SessionSetup,
  ) {
    this.position = setup.position;
    this.faultCounts = new Set(
      setup.faults.flatMap((fault) =>
        fault.kind === 'stall' || fault.midLine !== true ? [fault.afterEvents ?? 0] : [],
      ),
    );
    this.lastConsidered = setup.lastConsidered;
    this.encoder = createWireEncoder(setup.encoding, setup.gzipLevel);
    this.cutAtBytes = setup.faults.find(
      (fault): fault is DisconnectFault => fault.kind === 'disconnect' && fault.afterBytes !== undefined,
    )?.afterBytes;
    this.encoder.stream.on('data', (chunk: Buffer) => this.toWire(chunk));
    this.encoder.stream.on('end', () => {
      if (!res.writableEnded) res.end();
    });
    this.encoder.stream.on('error', () => this.finish('client-closed'));
    res.on('close', () => this.finish('client-closed'));
    res.socket?.setNoDelay(true);
    this.unsubscribe = setup.log.onAppend(() => this.wake?.());
    this.keepalive = setTimeout(() => this.onIdle(), setup.keepaliveMs);
    const headers: Record<string, string> = { 'content-type': RTDS_STREAM_CONTENT_TYPE };
    if (setup.encoding !== 'identity') headers['content-encoding'] = setup.encoding;
    res.writeHead(200, headers);
    res.flushHeaders();
    this.done = this.pump().catch(() => this.finish('client-closed'));
  }

  /** Resolves when the stream is over, whoever ended it. */
  finished(): Promise<void> {
    return this.done;
  }

  /** Ends the stream from the server side (simulator shutdown). */
  close(): void {
    this.finish('server-closed');
    this.wireCut = true;
    this.res.destroy();
  }

  private async pump(): Promise<void> {
    const { log, matcher, record } = this.setup;
    await this.afterEvents(0);
    while (!this.closed) {
      if (performance.now() < this.stalledUntil) {
        await this.sleepUntil(this.stalledUntil);
        continue;
      }
      if (this.position < log.start) this.position = log.start;
      const entry = log.at(this.position);
      if (entry === undefined) {
        await this.writeBatch();
        await this.waitFor(this.encoder.flush());
        await this.nextAppend();
        continue;
      }
      const midLine = this.dueDisconnect(record.eventsServed, true);
      this.position++;
      record.position = this.position;
      this.lastConsidered = entry.offset;
      if (!matcher(entry)) continue;
      if (midLine !== undefined) {
        await this.writeBatch();
        const bytes = Buffer.from(entry.line);
        await this.write(bytes.subarray(0, Math.max(1, Math.floor(bytes.length / 2))));
        await this.cut(midLine);
        return;
      }
      this.batch.push(entry.line, '\n');
      this.batchLength += entry.line.length + 1;
      record.eventsServed++;
      record.offsetsServed.push(entry.offset);
      this.setup.onEvent();
      if (this.faultCounts.has(record.eventsServed)) {
        await this.writeBatch();
        await this.afterEvents(record.eventsServed);
      } else if (this.batchLength >= BATCH_CHARS) {
        await this.writeBatch();
      }
    }
  }

  /**
   * Writes the lines gathered so far in one piece: one zlib job per line would cost far more than the
   * compression itself when a client replays a long backlog.
   */
  private async writeBatch(): Promise<void> {
    if (this.batch.length === 0) return;
    const text = this.batch.join('');
    this.batch = [];
    this.batchLength = 0;
    await this.write(Buffer.from(text));
  }

  /** Applies the faults due once `served` events are out. */
  private async afterEvents(served: number): Promise<void> {
    for (const fault of this.setup.faults) {
      if (fault.kind === 'stall' && (fault.afterEvents ?? 0) === served) this.stall(fault);
    }
    const disconnect = this.dueDisconnect(served, false);
    if (disconnect !== undefined) await this.cut(disconnect);
  }

  private dueDisconnect(served: number, midLine: boolean): DisconnectFault | undefined {
    return this.setup.faults.find(
      (fault): fault is DisconnectFault =>
        fault.kind === 'disconnect' &&
        fault.afterEvents !== undefined &&
        fault.afterEvents === served &&
        (fault.midLine === true) === midLine,
    );
  }

  private stall(fault: StallFault): void {
    this.stalledUntil = performance.now() + fault.durationMs;
  }

  private async cut(fault: DisconnectFault): Promise<void> {
    await this.waitFor(this.encoder.flush());
    if (fault.how === 'end') {
      this.finish('fault-end', false);
      this.encoder.stream.end();
      return;
    }
    await this.waitFor(this.written());
    this.finish('fault-disconnect');
    this.wireCut = true;
    this.res.destroy();
  }

  private async write(bytes: Buffer): Promise<void> {
    if (this.closed) return;
    this.keepalive.refresh();
    if (!this.encoder.stream.write(bytes))
      await this.waitFor(once(this.encoder.stream, 'drain', { signal: this.abort.signal }));
  }

  private toWire(chunk: Buffer): void {
    const { record, res } = this;
    if (this.wireCut || res.destroyed || res.writableEnded) return;
    if (this.cutAtBytes !== undefined && record.bytesWritten + chunk.length >= this.cutAtBytes) {
      const slice = chunk.subarray(0, this.cutAtBytes - record.bytesWritten);
      record.bytesWritten += slice.length;
      this.wireCut = true;
      this.finish('fault-disconnect');
      if (slice.length === 0) res.destroy();
      else res.write(slice, () => res.destroy());
      return;
    }
    record.bytesWritten += chunk.length;
    this.pendingWrites++;
    const flowing = res.write(chunk, () => {
      this.pendingWrites--;
      if (this.pendingWrites === 0) this.allWritten?.();
    });
    if (!flowing) {
      this.encoder.stream.pause();
      res.once('drain', () => this.encoder.stream.resume());
    }
  }

  private onIdle(): void {
    if (this.closed) return;
    if (performance.now() >= this.stalledUntil) {
      const offset = this.lastConsidered;
      if (this.setup.enableOffsetUpdates && offset !== undefined) {
        const at = new Date(this.setup.now()).toISOString();
        this.encoder.stream.write(
          JSON.stringify({ type: 'OFFSET_UPDATE', offset, occurred: at, processed: at }) + '\n',
        );
        this.record.offsetUpdates++;
      } else {
        this.encoder.stream.write('\n');
        this.record.keepalives++;
      }
      void this.encoder.flush();
    }
    this.keepalive.refresh();
  }

  private async nextAppend(): Promise<void> {
    if (this.position < this.setup.log.end || this.closed) return;
    await new Promise<void>((resolve) => {
      this.wake = resolve;
    });
    this.wake = undefined;
  }

  private async sleepUntil(time: number): Promise<void> {
    const ms = time - performance.now();
    if (!Number.isFinite(ms)) await this.waitFor(new Promise(() => undefined));
    else await this.waitFor(sleep(Math.max(0, ms), undefined, { signal: this.abort.signal }));
  }

  /** Resolves once everything the encoder emitted so far has been handed to the socket. */
  private async written(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    if (this.pendingWrites === 0) return;
    await new Promise<void>((resolve) => {
      this.allWritten = resolve;
    });
  }

  /** Waits for `promise`, or until the stream closes — a destroyed zlib stream never calls back. */
  private async waitFor(promise: Promise<unknown>): Promise<void> {
    try {
      await Promise.race([promise, this.stopped]);
    } catch {
      // Aborted because the stream closed; the pump loop sees `closed` and stops.
    }
  }

  private get record(): RtdsConnectionRecord {
    return this.setup.record;
  }

  private finish(reason: StreamEndReason, release = true): void {
    if (this.closed) return;
    this.closed = true;
    this.record.endReason ??= reason;
    this.record.closedAt = Date.now();
    clearTimeout(this.keepalive);
    this.unsubscribe();
    this.abort.abort();
    this.wake?.();
    this.allWritten?.();
    if (release) this.encoder.stream.destroy();
  }
}
