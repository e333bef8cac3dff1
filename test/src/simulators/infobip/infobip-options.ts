import type { RandomFaults } from '../partner-http/partner-faults.js';

/** How to start an Infobip simulator. Everything is optional. */
export interface InfobipSimulatorOptions {
  /** The API key of `Authorization: App <key>`. Default `simulated-infobip-api-key`. */
  readonly apiKey?: string;
  /** The application code of the mobile application profile (`AppCode`). */
  readonly appCode?: string;
  /** Internal id of the push application. */
  readonly applicationId?: string;
  /** Requests per second on the push endpoints (default 50, as documented) and burst (default = rate). */
  readonly rateLimit?: { readonly perSecond: number; readonly burst?: number };
  /** Body of the rate-limit 429: legacy, the newer platform shape, or both in turn (default). */
  readonly rateLimitShape?: 'legacy' | 'platform' | 'alternate';
  /** `Retry-After` seconds on rate-limit 429s (Infobip does not document one; default none). */
  readonly retryAfterSeconds?: number;
  /** Random injected faults. */
  readonly faults?: RandomFaults;
  /** How long a timeout fault holds the request before dropping it (default 2000 ms). */
  readonly hangMs?: number;
  /** Create unknown registrations on first use instead of answering 48013 (default false). */
  readonly autoRegister?: boolean;
  /** Clock of the rate limiter (default `Date.now`). */
  readonly now?: () => number;
  /** Port on 127.0.0.1 (default 0: any free port). */
  readonly port?: number;
}

/** The Infobip push endpoints' operations. */
export type InfobipSimOperation = 'get' | 'patch' | 'personalize' | 'depersonalize';

/** One request as the simulator saw and answered it. */
export interface InfobipRequestRecord {
  /** 1-based arrival number. */
  readonly seq: number;
  readonly at: number;
  readonly method: string;
  readonly path: string;
  readonly operation: InfobipSimOperation | undefined;
  readonly registrationId: string | undefined;
  readonly query: Readonly<Record<string, string>>;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The parsed JSON body (undefined when none or not JSON). */
  readonly body: unknown;
  /** The status answered, or `timeout` / `reset` for a fault that answered nothing. */
  readonly status: number | 'timeout' | 'reset';
  /** Whether the request changed (or, for GET, read) registration data. */
  readonly applied: boolean;
  /** Why it was refused: rate-limit, fault, auth, app-code, not-found, business code, invalid. */
  readonly refusedBy?: string;
}

/** Counters of what the simulator did. */
export interface InfobipSimulatorStats {
  readonly requests: number;
  /** 429s of the simulator's own rate limiter (a client within the limit causes none). */
  readonly rateLimited: number;
  /** Faults injected (status, timeout, reset). */
  readonly faultsInjected: number;
  readonly unauthorized: number;
  /** Most requests seen within one second window. */
  readonly peakPerSecond: number;
  readonly byStatus: Readonly<Record<string, number>>;
}
