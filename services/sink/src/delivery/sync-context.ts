import type { SinkTarget } from '@pushstream/schemas';
import type { PartnersSource } from '../config/partner-config.js';
import type { SinkSettings } from '../config/sink-settings.js';
import type { DeliveryContext } from './deliver.js';
import type { PartnerTransport } from './partner-transport.js';
import type { RateLimiter } from './rate-limiter.js';
import type { SinkMetrics } from './sink-metrics.js';

/** What partner clients share within one sink process. */
export interface SyncContext {
  readonly target: SinkTarget;
  readonly settings: SinkSettings;
  readonly transport: PartnerTransport;
  readonly limiter: RateLimiter;
  readonly metrics: SinkMetrics;
  readonly partners: PartnersSource;
  readonly delivery: DeliveryContext;
  readonly signal: AbortSignal;
  readonly now: () => number;
}
