import type { AppSpec } from './app-spec.js';
import type { Seed } from './prng.js';

/** The app platforms of the device population (email and SMS channels live in the compliance stream). */
export type AppPlatform = 'IOS' | 'ANDROID' | 'AMAZON' | 'WEB';

/** A closed range of milliseconds; values are drawn uniformly from it. */
export interface MsRange {
  readonly min: number;
  readonly max: number;
}

/** How devices live: every source renders the same per-device script, in its own vocabulary. */
export interface LifecycleOptions {
  /** New installs are spread uniformly over this window after `start` (default 2 days). */
  readonly installSpreadMs?: number;
  /** Share of devices installed before `start`: their first event is an OPEN, not a FIRST_OPEN (default 0.3). */
  readonly preinstalledShare?: number;
  /** Mean time between two steps (session, push, update, …) of one device (default 3 hours). */
  readonly meanStepGapMs?: number;
  /** Mean app session length, OPEN to CLOSE (default 4 minutes). */
  readonly meanSessionMs?: number;
  /** Probability that a step is an uninstall (default 0.02). */
  readonly uninstallRate?: number;
  /** Probability that an uninstalled device comes back, keeping its ids (default 0.3). */
  readonly reinstallRate?: number;
  /** Mean time between an uninstall and the reinstall (default 2 days). */
  readonly meanReinstallGapMs?: number;
  /** Share of devices opted in to push at install (default 0.8). */
  readonly pushOptInShare?: number;
  /** Probability that a received push is opened, starting a push-attributed session (default 0.15). */
  readonly pushOpenRate?: number;
  /** Each app sends one campaign (one push id, one PUSH_BODY) per interval (default 6 hours). */
  readonly campaignIntervalMs?: number;
}

/** Quirks of an RTDS response stream, shared by `/api/events` and `/api/events/general`. */
export interface RtdsQuirkOptions {
  /**
   * The `X-UA-Appkey` of the connection: only that app's traffic, as the server sends it on one connection.
   * Unset (the default) puts every app in one stream, which is handy for tests.
   */
  readonly appKey?: string | undefined;
  /** Unique events before the stream ends; `Infinity` streams forever (then never ask for ground truth). */
  readonly events?: number;
  /** Keepalive lines per event line (default 0.05). */
  readonly keepaliveRate?: number;
  /** As the request field: keepalives are OFFSET_UPDATE events instead of blank lines (default false). */
  readonly enableOffsetUpdates?: boolean;
  /** Share of unique events sent a second time, same `id`, new `offset` and `processed` (default 0.01). */
  readonly duplicateRate?: number;
  /** Share of duplicates sent much later than their original (default 0.2). */
  readonly lateDuplicateShare?: number;
  /** Delay of a prompt duplicate after its original's `processed` (default 1 s – 5 min). */
  readonly duplicateDelayMs?: MsRange;
  /** Delay of a late duplicate (default 1 hour – 2 days). */
  readonly lateDuplicateDelayMs?: MsRange;
  /** Share of unique events of an undocumented type (compliance: an undocumented `event_type`) (default 0.005). */
  readonly unknownTypeRate?: number;
  /** Share of documented events carrying undocumented fields (default 0.02). */
  readonly unknownFieldRate?: number;
  /** Usual `processed` − `occurred` (default 200 ms – 15 s). */
  readonly processingDelayMs?: MsRange;
  /** `numeric` (`"1000000000123"`) or unpadded `base64` of it (`"MTAwMDAwMDAwMDEyMw"`); opaque either way. */
  readonly offsetEncoding?: 'numeric' | 'base64';
  /** The number behind the first offset (default 1 000 000 000 000). */
  readonly firstOffset?: number;
}

/** The device event stream, `POST /api/events`. */
export interface RtdsStreamOptions extends RtdsQuirkOptions {
  /** Share of CUSTOM events whose `value` is a number JavaScript cannot hold exactly (default 0.05). */
  readonly bigCustomValueRate?: number;
  /** Share of CLOSE events that reach Airship late, when the app is next opened (default 0.3). */
  readonly latentCloseRate?: number;
  /** `processed` − `occurred` of a latent CLOSE (default 1 hour – 5 days). */
  readonly latentCloseDelayMs?: MsRange;
}

/** The compliance stream, `POST /api/events/general`: COMPLIANCE events of email and SMS channels. */
export interface ComplianceStreamOptions extends RtdsQuirkOptions {
  /** Email and SMS channels (default 200). */
  readonly channels?: number;
  /** Share of channels that are SMS, the rest email (default 0.5). */
  readonly smsShare?: number;
}

/** CM.com push webhooks: one event per POST body. */
export interface CmWebhookOptions {
  /** Unique events (bodies) before the stream ends (default 2000). */
  readonly events?: number;
  /** Share of bodies delivered again, byte for byte (default 0.05). */
  readonly redeliveryRate?: number;
  /** Most redeliveries of one body (CM retries at most three times) (default 3). */
  readonly maxRedeliveries?: number;
  /** Time from one delivery of a body to the next (default 30 s – 15 min). */
  readonly redeliveryDelayMs?: MsRange;
  /** Time from the event to its first delivery (default 100 ms – 5 s). */
  readonly deliveryDelayMs?: MsRange;
  /** Share of events of a type CM has not documented (default 0.02). */
  readonly unknownTypeRate?: number;
  /** Share of devices whose user verifies a phone number, sent as `0031…` (default 0.4). */
  readonly msisdnShare?: number;
  /** Share of bodies with the newer top-level `reference` event id (default 0.5). */
  readonly referenceShare?: number;
}

/** Segment-spec track traffic (Intilery "register push", identify, track), single and batched. */
export interface TrackOptions {
  /** Unique messages before the stream ends (default 3000). */
  readonly messages?: number;
  /** Share of requests that are `batch` bodies of several messages of one app (default 0.3). */
  readonly batchRate?: number;
  /** Largest batch (default 20). */
  readonly maxBatchSize?: number;
  /** Share of messages sent again later with the same `messageId` (default 0.02). */
  readonly duplicateRate?: number;
  /** Delay of a re-sent message (default 1 s – 10 min). */
  readonly duplicateDelayMs?: MsRange;
  /** Time from the event to its upload (default 0 – 30 s). */
  readonly uploadDelayMs?: MsRange;
  /** Share of messages in Intilery server-API style: no `type`, the action in `event` (default 0.1). */
  readonly omitTypeRate?: number;
}

/** Everything the traffic generator can be told; every field has a default. */
export interface TrafficOptions {
  /** Same seed and options → byte-identical output (default 1). */
  readonly seed?: Seed;
  /** Event times start here: ISO-8601 text, epoch ms or a Date (default 2024-06-01T00:00:00.000Z). */
  readonly start?: string | number | Date;
  /** Size of the device population (default 1000). */
  readonly devices?: number;
  /** The apps devices belong to (default {@link DEFAULT_APPS}). */
  readonly apps?: readonly AppSpec[];
  /** Relative platform shares (default IOS 0.4, ANDROID 0.45, AMAZON 0.05, WEB 0.1). */
  readonly platformWeights?: Readonly<Partial<Record<AppPlatform, number>>>;
  /** How devices live (shared by every source). */
  readonly lifecycle?: LifecycleOptions;
  /** The RTDS event stream. */
  readonly rtds?: RtdsStreamOptions;
  /** The RTDS compliance stream. */
  readonly compliance?: ComplianceStreamOptions;
  /** CM.com webhooks. */
  readonly cm?: CmWebhookOptions;
  /** Segment/Intilery track requests. */
  readonly track?: TrackOptions;
}
