import type { OffsetRank } from './retained-log.js';
import type { EncodingMode } from './wire-encoder.js';

/** Settings of the 307 + cookie affinity layer. */
export interface AffinityOptions {
  /** 307s a request without the right cookie gets before it is served (default 1; 0 turns it off). */
  readonly hops?: number;
  /** Cookie name (default `SRV`, as in the Java client's test of this behaviour). */
  readonly cookieName?: string;
  /**
   * `Location` on the 307: none (default, as the Java test models it), this server's own URL, or a second
   * loopback server on another port — a foreign origin that records whether `Authorization` was sent to it.
   */
  readonly location?: 'none' | 'same' | 'foreign';
}

/** How to start an RTDS simulator. Everything is optional. */
export interface RtdsSimulatorOptions {
  /** The one app key this server knows (others get 404). Default `simulated-app-key`. */
  readonly appKey?: string;
  /** Bearer token of `/api/events`. Default `simulated-rtds-token`. */
  readonly token?: string;
  /** Master secret for Basic auth on `/api/events/general`. Default `simulated-master-secret`. */
  readonly masterSecret?: string;
  /** Initial event lines of `/api/events` (generator lines work: keepalives are skipped). */
  readonly events?: Iterable<string>;
  /** Initial event lines of `/api/events/general`. */
  readonly complianceEvents?: Iterable<string>;
  /** Idle time before a keepalive / OFFSET_UPDATE is written (default 1000 ms; the spec gives none). */
  readonly keepaliveMs?: number;
  /** Response encoding (default `negotiate`: gzip if the request accepts it). */
  readonly contentEncoding?: EncodingMode;
  /** zlib level for gzip / deflate (default 6). */
  readonly compressionLevel?: number;
  /** Resend the event whose offset is `resume_offset` (default false: the spec says "greater than"). */
  readonly resumeInclusive?: boolean;
  /** A `resume_offset` the log cannot place: from the oldest retained event (default), from now, or 400. */
  readonly unknownOffset?: 'earliest' | 'latest' | 'reject';
  /** Orders offsets that are not retained (default: decimal offsets numerically). */
  readonly offsetRank?: OffsetRank;
  /** The first offset the server mints for lines without one (default 1000000000000). */
  readonly firstOffset?: bigint;
  /** Simultaneous streams allowed before `402` (default unlimited). */
  readonly maxConnections?: number;
  /** How long a stream's slot stays taken after it ends, as a server that notices a close late (default 0). */
  readonly connectionLingerMs?: number;
  /** `404` while a log is empty ("We do not have data for the specified App key"). Default false. */
  readonly notFoundUntilData?: boolean;
  /** 307 + cookie affinity; unset means none. */
  readonly affinity?: AffinityOptions;
  /** Require the RTDS `Accept` media type (default true; `406` otherwise). */
  readonly strictAccept?: boolean;
  /**
   * Clock of event content: the `latency` filter, OFFSET_UPDATE times, a duplicate's `processed` (default
   * `Date.now`). Stalls, keepalives and the connection records run on real time.
   */
  readonly now?: () => number;
  /** Port on 127.0.0.1 (default 0: any free port). */
  readonly port?: number;
}

/** Options with their defaults filled in. */
export type ResolvedSimulatorOptions = Required<
  Omit<RtdsSimulatorOptions, 'events' | 'complianceEvents' | 'affinity' | 'offsetRank' | 'maxConnections'>
> & {
  readonly affinity: Required<AffinityOptions>;
  readonly offsetRank: OffsetRank | undefined;
  readonly maxConnections: number;
};

/** Fills in defaults and checks the numbers. */
export function resolveSimulatorOptions(options: RtdsSimulatorOptions): ResolvedSimulatorOptions {
  const keepaliveMs = options.keepaliveMs ?? 1000;
  if (!(keepaliveMs > 0)) throw new RangeError('keepaliveMs must be positive');
  return {
    appKey: options.appKey ?? 'simulated-app-key',
    token: options.token ?? 'simulated-rtds-token',
    masterSecret: options.masterSecret ?? 'simulated-master-secret',
    keepaliveMs,
    contentEncoding: options.contentEncoding ?? 'negotiate',
    compressionLevel: options.compressionLevel ?? 6,
    resumeInclusive: options.resumeInclusive ?? false,
    unknownOffset: options.unknownOffset ?? 'earliest',
    offsetRank: options.offsetRank,
    firstOffset: options.firstOffset ?? 1_000_000_000_000n,
    maxConnections: options.maxConnections ?? Number.POSITIVE_INFINITY,
    connectionLingerMs: options.connectionLingerMs ?? 0,
    notFoundUntilData: options.notFoundUntilData ?? false,
    affinity: {
      hops: options.affinity === undefined ? 0 : (options.affinity.hops ?? 1),
      cookieName: options.affinity?.cookieName ?? 'SRV',
      location: options.affinity?.location ?? 'none',
    },
    strictAccept: options.strictAccept ?? true,
    now: options.now ?? Date.now,
    port: options.port ?? 0,
  };
}
