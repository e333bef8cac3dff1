import { setTimeout as sleep } from 'node:timers/promises';
import type { Traffic } from '@pushstream/schemas';
import type { RunningPipeline } from '../../../src/index.js';

/** One webhook request of the generated traffic. */
interface WebhookRequest {
  readonly route: string;
  readonly body: string;
}

/** What the feed did, for the audit printout. */
export interface FeedStats {
  rtdsLines: number;
  webhookRequests: number;
  /** Answers other than 2xx that were retried (503 while Kafka was down, connection refused during a restart). */
  webhookRetries: number;
}

/**
 * Feeds generated traffic into the running pipeline over `durationMs`: RTDS lines appended to the simulator's
 * log in slices, CM and track webhooks posted with their credentials. A webhook is re-sent until it gets a
 * 2xx, as CM.com and Segment do, so every generated event is eventually accepted.
 */
export async function feedTraffic(
  pipeline: RunningPipeline,
  traffic: Traffic,
  options: { durationMs: number; concurrency?: number },
): Promise<FeedStats> {
  const stats: FeedStats = { rtdsLines: 0, webhookRequests: 0, webhookRetries: 0 };
  const rtds = pipeline.rtds;
  if (rtds === undefined) throw new Error('the feed needs the RTDS simulator');
  const lines = [...traffic.rtds.lines()].filter((line) => line.trim() !== '');
  const requests: WebhookRequest[] = [
    ...[...traffic.cm.records()].map((record) => ({
      route: `cm/${record.device.appKey}`,
      body: record.body,
    })),
    ...[...traffic.track.records()].map((record) => ({
      route: `track/${record.writeKey}`,
      body: record.body,
    })),
  ];
  const slices = 40;
  const sliceMs = options.durationMs / slices;
  let nextRequest = 0;
  for (let slice = 0; slice < slices; slice += 1) {
    const started = Date.now();
    const lineEnd = Math.round(((slice + 1) * lines.length) / slices);
    const appended = lines.slice(stats.rtdsLines, lineEnd);
    rtds.append(appended);
    stats.rtdsLines += appended.length;
    const requestEnd = Math.round(((slice + 1) * requests.length) / slices);
    const batch = requests.slice(nextRequest, requestEnd);
    nextRequest = requestEnd;
    await postAll(pipeline, batch, options.concurrency ?? 8, stats);
    await sleep(Math.max(0, sliceMs - (Date.now() - started)));
  }
  return stats;
}

async function postAll(
  pipeline: RunningPipeline,
  requests: readonly WebhookRequest[],
  concurrency: number,
  stats: FeedStats,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const request = requests[next];
      next += 1;
      if (request !== undefined) await postUntilAccepted(pipeline, request, stats);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

async function postUntilAccepted(
  pipeline: RunningPipeline,
  request: WebhookRequest,
  stats: FeedStats,
): Promise<void> {
  const authorization = pipeline.webhookAuthorization.get(request.route);
  for (let attempt = 0; ; attempt += 1) {
    const status = await fetch(`${pipeline.webhookUrl}/webhooks/${request.route}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(authorization === undefined ? {} : { authorization }),
      },
      body: request.body,
      signal: AbortSignal.timeout(30_000),
    }).then(
      async (response) => {
        await response.arrayBuffer();
        return response.status;
      },
      () => 0,
    );
    if (status >= 200 && status < 300) {
      stats.webhookRequests += 1;
      return;
    }
    if (status !== 0 && status !== 503 && status !== 408) {
      throw new Error(
        `webhook ${request.route} answered ${status}: the generated traffic should be accepted`,
      );
    }
    if (attempt > 600) throw new Error(`webhook ${request.route} not accepted after ${attempt} attempts`);
    stats.webhookRetries += 1;
    await sleep(500);
  }
}
