import { createServer } from 'node:http';
import { AffinityRouter } from './affinity.js';
import { ConnectionSlots } from './connection-slots.js';
import { sendError } from './error-response.js';
import { FaultScript, type RtdsFault } from './fault-script.js';
import { listenOnLoopback } from '../loopback-server.js';
import { startForeignOrigin, type ForeignOrigin } from './foreign-origin.js';
import { handleRequest, type HandlerContext } from './request-handler.js';
import { RetainedLog } from './retained-log.js';
import { resolveSimulatorOptions, type RtdsSimulatorOptions } from './simulator-options.js';
import type {
  ForeignRequestRecord,
  LogStats,
  RtdsConnectionRecord,
  RtdsSimulatorStats,
} from './simulator-stats.js';
import type { StreamSession } from './stream-session.js';

/** A running RTDS simulator. */
export interface RtdsSimulator {
  /** Base URL, `http://127.0.0.1:<port>` (what a client takes as its RTDS base URL). */
  readonly url: string;
  /** `${url}/api/events`. */
  readonly eventsUrl: string;
  /** `${url}/api/events/general`. */
  readonly complianceUrl: string;
  readonly appKey: string;
  readonly token: string;
  readonly masterSecret: string;
  /** `Authorization` value for `/api/events`. */
  readonly bearerAuthorization: string;
  /** `Authorization` value for `/api/events/general`. */
  readonly basicAuthorization: string;
  /** Retained log of `/api/events` (append, duplicate, expire; live streams follow it). */
  readonly events: RetainedLog;
  /** Retained log of `/api/events/general`. */
  readonly compliance: RetainedLog;
  /** Appends event lines to `/api/events`; returns their offsets. */
  append(lines: Iterable<string>): string[];
  /** Scripts faults (see `RtdsFault`); stream faults of one call go to the same connection. */
  script(...faults: RtdsFault[]): void;
  /** Moves the affinity leader: every cookie issued so far leads to a new 307 chain. */
  rotateAffinity(): void;
  /** Drops every open stream from the server side, as a server restart would. */
  disconnectAll(): void;
  /** A copy of what the simulator has seen and done. */
  stats(): RtdsSimulatorStats;
  /** Ends every stream and stops listening. */
  close(): Promise<void>;
}

/**
 * Starts a faithful Airship RTDS server on 127.0.0.1: `POST /api/events` (Bearer) and
 * `/api/events/general` (Basic), a retained log with `start` / `resume_offset`, filters, subsets, gzip,
 * keepalives, OFFSET_UPDATE, live appends, 307 + cookie affinity, the 402 connection limit and scripted
 * faults (error statuses, disconnects, stalls).
 *
 * @example
 * const rtds = await startRtdsSimulator({ events: traffic.rtds.lines(), affinity: { hops: 1 } });
 * rtds.script({ kind: 'disconnect', afterEvents: 100, midLine: true });
 * // point the connector at rtds.url with rtds.appKey / rtds.token …
 * await rtds.close();
 */
export async function startRtdsSimulator(options: RtdsSimulatorOptions = {}): Promise<RtdsSimulator> {
  const resolved = resolveSimulatorOptions(options);
  const logOptions = { firstOffset: resolved.firstOffset, rank: resolved.offsetRank, now: resolved.now };
  const logs = { events: new RetainedLog(logOptions), compliance: new RetainedLog(logOptions) };
  if (options.events !== undefined) logs.events.append(options.events);
  if (options.complianceEvents !== undefined) logs.compliance.append(options.complianceEvents);

  const records: RtdsConnectionRecord[] = [];
  const foreignRequests: ForeignRequestRecord[] = [];
  const sessions = new Set<StreamSession>();
  const faults = new FaultScript();
  const affinity = new AffinityRouter(resolved.affinity.hops, resolved.affinity.cookieName);
  const slots = new ConnectionSlots(resolved.maxConnections);
  let linesServed = 0;
  let url = '';
  let foreign: ForeignOrigin | undefined;
  if (resolved.affinity.location === 'foreign') foreign = await startForeignOrigin(foreignRequests);

  const context: HandlerContext = {
    options: resolved,
    logs,
    faults,
    affinity,
    slots,
    records,
    sessions,
    redirectBase: () => (resolved.affinity.location === 'same' ? url : foreign?.url),
    countEvent: () => {
      linesServed++;
    },
  };
  const server = createServer((req, res) => {
    handleRequest(context, req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, 'Internal Server Error', String(error));
      else res.destroy();
    });
  });
  const listening = await listenOnLoopback(server, resolved.port);
  url = listening.url;

  const basic = Buffer.from(`${resolved.appKey}:${resolved.masterSecret}`).toString('base64');
  return {
    url,
    eventsUrl: `${url}/api/events`,
    complianceUrl: `${url}/api/events/general`,
    appKey: resolved.appKey,
    token: resolved.token,
    masterSecret: resolved.masterSecret,
    bearerAuthorization: `Bearer ${resolved.token}`,
    basicAuthorization: `Basic ${basic}`,
    events: logs.events,
    compliance: logs.compliance,
    append: (lines) => logs.events.append(lines),
    script: (...scripted) => faults.add(scripted),
    rotateAffinity: () => affinity.rotate(),
    disconnectAll: () => {
      for (const session of sessions) session.close();
    },
    stats: () =>
      structuredClone({
        connections: records,
        activeStreams: sessions.size,
        linesServed,
        events: logStats(logs.events),
        compliance: logStats(logs.compliance),
        foreignRequests,
        authorizationLeaks: foreignRequests.filter((request) => request.hadAuthorization).length,
      }),
    close: async () => {
      for (const session of sessions) session.close();
      slots.clear();
      await listening.close();
      await foreign?.close();
    },
  };
}

function logStats(log: RetainedLog): LogStats {
  return {
    start: log.start,
    end: log.end,
    firstOffset: log.at(log.start)?.offset,
    lastOffset: log.at(log.end - 1)?.offset,
  };
}
