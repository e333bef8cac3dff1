import type { RandomFaults } from '../partner-http/partner-faults.js';

/** How to start an Intilery tracking-API simulator. Everything is optional. */
export interface IntilerySimulatorOptions {
  /** Path values `/track/{clientId}/{accountId}/{BRANDID}` (defaults: `shop`, `shop`, `SHOP`). */
  readonly clientId?: string;
  readonly accountId?: string;
  readonly brandId?: string;
  /** The `auth-token` the brand accepts. Default `simulated-intilery-token`. */
  readonly authToken?: string;
  /** Token bucket (default 100 req/s, burst 500, as documented). */
  readonly rateLimit?: { readonly perSecond: number; readonly burst?: number };
  /** `Retry-After` seconds on rate-limit 429s (default none). */
  readonly retryAfterSeconds?: number;
  /** Random injected faults. */
  readonly faults?: RandomFaults;
  /** How long a timeout fault holds the request (default 2000 ms). */
  readonly hangMs?: number;
  /** Drop events whose messageId was seen before, as Segment does (default true). */
  readonly dedupeMessageIds?: boolean;
  /** Clock of registrations and staleness (default `Date.now`). */
  readonly now?: () => number;
  readonly port?: number;
}

/** One request as the simulator saw and answered it. */
export interface IntileryRequestRecord {
  readonly seq: number;
  readonly at: number;
  readonly path: string;
  /** identify, track, page, screen or batch (undefined: unknown route). */
  readonly action: string | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly status: number | 'timeout' | 'reset';
  /** Events of the request that took effect. */
  readonly applied: number;
  readonly refusedBy?: string;
}

/** An event that took effect, in order. */
export interface IntileryAppliedEvent {
  readonly seq: number;
  readonly event: string;
  readonly userId?: string;
  readonly anonymousId?: string;
  readonly messageId?: string;
  readonly properties?: Readonly<Record<string, unknown>>;
  readonly traits?: Readonly<Record<string, unknown>>;
}

/** A push registration as Intilery holds it (one per FCM device id). */
export interface IntileryDevice {
  readonly deviceId: string;
  readonly fcmToken: string;
  readonly deviceType: string;
  readonly userId?: string;
  readonly anonymousId?: string;
  /** Simulator-clock time of the last "register push" for it (staleness is counted from here). */
  readonly registeredAt: number;
}

/** Counters of what the simulator did. */
export interface IntilerySimulatorStats {
  readonly requests: number;
  readonly rateLimited: number;
  readonly faultsInjected: number;
  readonly forbidden: number;
  readonly duplicatesDropped: number;
  readonly peakPerSecond: number;
  readonly byStatus: Readonly<Record<string, number>>;
}
