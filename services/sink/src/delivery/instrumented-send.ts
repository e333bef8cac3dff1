import type { SinkTarget } from '@pushstream/schemas';
import type { PartnerRequest } from '../core/infobip-request.js';
import { statusClassOf, type PartnerReply } from '../core/partner-verdict.js';
import type { PartnerTransport } from './partner-transport.js';
import type { SinkMetrics } from './sink-metrics.js';

/** Sends a request and records its status class and latency. */
export async function instrumentedSend(
  transport: PartnerTransport,
  metrics: SinkMetrics,
  labels: { target: SinkTarget; operation: string },
  baseUrl: string,
  partnerRequest: PartnerRequest,
): Promise<PartnerReply> {
  const started = performance.now();
  const reply = await transport.send(baseUrl, partnerRequest);
  metrics.requestDuration.observe(labels, (performance.now() - started) / 1000);
  metrics.requests.inc({ ...labels, status_class: statusClassOf(reply) });
  return reply;
}
