import { setTimeout as sleep } from 'node:timers/promises';
import { createTraffic, type AppSpec } from '@pushstream/schemas';
import type { RtdsSimulator } from '../simulators/rtds/index.js';

/** Where the demo traffic goes and how the webhook routes authenticate. */
export interface DemoTrafficTargets {
  /** The RTDS simulator serving the first app's stream; unset when RTDS is real (no demo RTDS traffic). */
  readonly rtds?: RtdsSimulator;
  /** The connector's webhook server, `http://127.0.0.1:<port>`. */
  readonly webhookUrl: string;
  /** `Authorization` header value of each route: `cm/<appKey>` and `track/<writeKey>`. */
  readonly authorization: ReadonlyMap<string, string>;
}

/** Settings of the demo feed. */
export interface DemoTrafficOptions {
  readonly apps: readonly AppSpec[];
  /** Source events per second across the three sources. */
  readonly eventsPerSecond: number;
  /** Devices per generated round (each round is a new population). @default 300 */
  readonly devicesPerRound?: number;
  /** Called with each webhook answer that is not a 2xx (shown by the launcher). */
  readonly onRejected?: (route: string, status: number, body: string) => void;
}

/** Counts of what the feed sent. */
export interface DemoTrafficStats {
  rtdsEvents: number;
  cmRequests: number;
  trackRequests: number;
  rejected: number;
  rounds: number;
}

/** A running feed: stop() ends it after the request in flight. */
export interface DemoTraffic {
  readonly stats: DemoTrafficStats;
  stop(): Promise<void>;
}

const ROUND_EVENTS = { rtds: 3000, cm: 600, track: 600 } as const;

/**
 * Feeds generated traffic at a steady pace: RTDS lines appended to the simulator's live log, CM.com and
 * Segment/track bodies POSTed to the connector's webhook routes with their credentials. Rounds repeat with
 * new seeds until stopped, and event times follow the wall clock, so sessions and staleness look real.
 */
export function startDemoTraffic(targets: DemoTrafficTargets, options: DemoTrafficOptions): DemoTraffic {
  const stats: DemoTrafficStats = { rtdsEvents: 0, cmRequests: 0, trackRequests: 0, rejected: 0, rounds: 0 };
  const controller = new AbortController();
  const first = options.apps[0];
  const run = async () => {
    for (let round = 0; !controller.signal.aborted; round += 1) {
      stats.rounds = round + 1;
      const traffic = createTraffic({
        seed: `demo-${Date.now()}-${round}`,
        start: Date.now() - 60 * 60 * 1000,
        devices: options.devicesPerRound ?? 300,
        apps: options.apps,
        rtds: {
          events: ROUND_EVENTS.rtds,
          // Each round continues the simulator's log: its offsets must not repeat an earlier round's.
          firstOffset: 1_000_000_000_000 + round * 1_000_000,
          ...(first === undefined ? {} : { appKey: first.airshipAppKey }),
        },
        cm: { events: ROUND_EVENTS.cm },
        track: { messages: ROUND_EVENTS.track },
        lifecycle: { meanStepGapMs: 10 * 60 * 1000 },
      });
      const rtdsLines = targets.rtds === undefined ? undefined : traffic.rtds.lines();
      const cm = traffic.cm.records();
      const track = traffic.track.records();
      // Interleave by share: RTDS carries most events, as it does in production.
      let exhausted = false;
      while (!exhausted && !controller.signal.aborted) {
        const tickStart = Date.now();
        const perTick = Math.max(1, Math.round(options.eventsPerSecond / 10));
        let sent = 0;
        const lines: string[] = [];
        while (sent < perTick) {
          const pick = sent % 5;
          if (pick < 3 && rtdsLines !== undefined) {
            const next = rtdsLines.next();
            if (next.done === true) {
              exhausted = true;
              break;
            }
            if (next.value.trim() !== '') lines.push(next.value);
          } else if (pick === 3) {
            const next = cm.next();
            if (next.done === true) {
              exhausted = true;
              break;
            }
            await post(`cm/${next.value.device.appKey}`, next.value.body);
            stats.cmRequests += 1;
          } else {
            const next = track.next();
            if (next.done === true) {
              exhausted = true;
              break;
            }
            await post(`track/${next.value.writeKey}`, next.value.body);
            stats.trackRequests += 1;
          }
          sent += 1;
        }
        if (lines.length > 0 && targets.rtds !== undefined) {
          targets.rtds.append(lines);
          stats.rtdsEvents += lines.length;
        }
        await sleep(Math.max(0, 100 - (Date.now() - tickStart)), undefined, {
          signal: controller.signal,
        }).catch(() => undefined);
      }
    }
  };
  const post = async (route: string, body: string) => {
    const authorization = targets.authorization.get(route);
    try {
      const response = await fetch(`${targets.webhookUrl}/webhooks/${route}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(authorization === undefined ? {} : { authorization }),
        },
        body,
        signal: controller.signal,
      });
      const text = await response.text();
      if (!response.ok) {
        stats.rejected += 1;
        options.onRejected?.(route, response.status, text);
      }
    } catch (error) {
      if (controller.signal.aborted) return;
      stats.rejected += 1;
      options.onRejected?.(route, 0, error instanceof Error ? error.message : String(error));
    }
  };
  const done = run();
  return {
    stats,
    stop: async () => {
      controller.abort();
      await done;
    },
  };
}
