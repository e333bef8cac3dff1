import type { RtdsFault } from './fault-script.js';
import type { WireEncoding } from './wire-encoder.js';

/** Which endpoint a request hit. */
export type RtdsEndpointKind = 'events' | 'compliance';

/** Why a served stream ended. */
export type StreamEndReason = 'client-closed' | 'fault-disconnect' | 'fault-end' | 'server-closed';

/** One request to a stream endpoint, as the simulator saw and answered it. */
export interface RtdsConnectionRecord {
  /** 1-based request number over both endpoints (what a fault's `at` refers to). */
  index: number;
  endpoint: RtdsEndpointKind;
  method: string;
  path: string;
  /** Request headers, lower-case names (repeated ones joined with `, `). */
  headers: Record<string, string>;
  /** The request body as received. */
  body: string;
  cookie: string | undefined;
  status: number;
  /** The `Set-Cookie` of a 307. */
  setCookie: string | undefined;
  /** The `Location` of a 307, if one was sent. */
  location: string | undefined;
  /** Epoch ms (real time). */
  openedAt: number;
  closedAt: number | undefined;
  encoding: WireEncoding | undefined;
  /** Event lines written (a mid-line cut does not count). */
  eventsServed: number;
  keepalives: number;
  offsetUpdates: number;
  /** Body bytes on the wire, after compression. */
  bytesWritten: number;
  offsetsServed: string[];
  /** Absolute log index the stream considers next. */
  position: number | undefined;
  endReason: StreamEndReason | undefined;
  /** Faults applied to this request. */
  faults: RtdsFault[];
}

/** A request that reached the foreign `Location` of a 307 (no client should follow it). */
export interface ForeignRequestRecord {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** The token went to another origin. */
  hadAuthorization: boolean;
}

/** The state of one retained log. */
export interface LogStats {
  /** Absolute index of the oldest retained event. */
  start: number;
  /** Absolute index past the newest event. */
  end: number;
  firstOffset: string | undefined;
  lastOffset: string | undefined;
}

/** A snapshot of everything the simulator has seen and done. */
export interface RtdsSimulatorStats {
  connections: RtdsConnectionRecord[];
  /** Streams open right now. */
  activeStreams: number;
  /** Event lines written over all connections. */
  linesServed: number;
  events: LogStats;
  compliance: LogStats;
  foreignRequests: ForeignRequestRecord[];
  /** Requests that carried `Authorization` to the foreign `Location`. */
  authorizationLeaks: number;
}
