import path from 'node:path';
import autocannon from 'autocannon';
import { createCmWebhooks } from '@pushstream/schemas';
import { startPipeline } from '@pushstream/test-kit';
import type { BenchContext, Scenario } from '../scenario.ts';
import { PeakRss } from '../shell/process-memory.ts';
import { connectorMissing } from './rtds-ingest.ts';

/** Row id of the webhook ingest stage. */
export const WEBHOOK_INGEST_ROW = 'webhook-ingest';

/**
 * Webhook ingest: autocannon POSTs generated CM.com push events (with the basic-auth credentials the
 * launcher generated) to the real connector's webhook server for a fixed time. Every 2xx means Kafka
 * acknowledged the record (acks=all), so requests/s is records/s into `raw.cm-push.v1`.
 */
export function webhookIngestScenario(): Scenario {
  return {
    id: WEBHOOK_INGEST_ROW,
    rows: [
      {
        id: WEBHOOK_INGEST_ROW,
        title: 'Webhook ingest (autocannon → raw)',
        kind: 'stage',
        unit: 'requests/s',
        ceiling: 'produce',
      },
    ],
    notBuilt: () => connectorMissing(),
    async run(context: BenchContext, runIndex: number) {
      const { options } = context;
      const pipeline = await startPipeline({
        log: () => undefined,
        runDir: path.join(context.logDir, `webhook-ingest-r${runIndex}`),
        env: { LOG_LEVEL: 'warn' },
        demoEventsPerSecond: 0,
        topicPrefix: `${context.namePrefix}webhook-r${runIndex}.`,
        services: ['connector'],
        infra: context.infra,
      });
      const peak = new PeakRss();
      const connector = pipeline.instance('connector');
      const sampler = setInterval(() => peak.sample('connector', connector.pid), 200);
      try {
        await waitForWebhookServer(
          pipeline.webhookUrl,
          () => connector.running,
          () => connector.tail(15),
        );
        const authorization = cmAuthorization(pipeline.context.webhook.sources);
        const requests = [
          ...createCmWebhooks({
            seed: `bench-r${runIndex}`,
            devices: 500,
            cm: { events: 2000, redeliveryRate: 0 },
          }).records(),
        ]
          .slice(0, 500)
          .map((record) => ({
            method: 'POST' as const,
            path: `/webhooks/cm/${encodeURIComponent(record.device.appKey)}`,
            headers: {
              'content-type': 'application/json',
              ...(authorization.has(record.device.appKey)
                ? { authorization: authorization.get(record.device.appKey) ?? '' }
                : {}),
            },
            body: record.body,
          }));
        const result = await autocannon({
          url: pipeline.webhookUrl,
          connections: options.webhookConnections,
          duration: options.webhookSeconds,
          requests,
        });
        const ok = result['2xx'];
        return [
          {
            row: WEBHOOK_INGEST_ROW,
            throughput: ok / (result.duration > 0 ? result.duration : options.webhookSeconds),
            latencyMs: { p50: result.latency.p50, p95: latencyP95(result.latency), p99: result.latency.p99 },
            rssBytes: peak.values(),
            extra: { requests: ok, non2xx: result.non2xx },
            ...(result.non2xx > 0 ? { notes: [`${result.non2xx} non-2xx answers`] } : {}),
          },
        ];
      } finally {
        clearInterval(sampler);
        await pipeline.stop();
      }
    },
  };
}

/** autocannon's histogram has p97_5 but no p95; the 95th is interpolated between p90 and p97.5. */
function latencyP95(latency: { p90: number; p97_5: number }): number {
  return latency.p90 + ((latency.p97_5 - latency.p90) * (95 - 90)) / (97.5 - 90);
}

/** `Authorization` per CM app key, from the connector's WEBHOOK_SOURCES (basic auth as the launcher generates it). */
function cmAuthorization(sourcesJson: string): Map<string, string> {
  const result = new Map<string, string>();
  const sources: unknown = JSON.parse(sourcesJson);
  if (!Array.isArray(sources)) return result;
  for (const source of sources as unknown[]) {
    if (typeof source !== 'object' || source === null) continue;
    const { source: kind, id, auth } = source as { source?: unknown; id?: unknown; auth?: unknown };
    if (kind !== 'cm' || typeof id !== 'string' || typeof auth !== 'object' || auth === null) continue;
    const { mode, username, password } = auth as { mode?: unknown; username?: unknown; password?: unknown };
    if (mode === 'basic' && typeof username === 'string' && typeof password === 'string')
      result.set(id, `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`);
  }
  return result;
}

async function waitForWebhookServer(url: string, alive: () => boolean, tail: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (!alive()) throw new Error(`the connector exited before its webhook server listened:\n${tail()}`);
    const up = await fetch(url, { signal: AbortSignal.timeout(1000) }).then(
      () => true,
      () => false,
    );
    if (up) return;
    if (Date.now() > deadline) throw new Error(`the connector's webhook server did not listen:\n${tail()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
