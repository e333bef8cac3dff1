import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTopic, testKafka, waitFor } from '@pushstream/test-kit';
import { readInfraSettings, startLocalInfra, type LocalRunningInfra } from '@pushstream/test-kit/infra';
import { BrokerControl } from './support/broker-control.js';
import { startKafkaWebhookServer, type KafkaWebhookServer } from './support/kafka-webhook-server.js';
import {
  JSON_TYPE,
  TRACK_SOURCE,
  registerPush,
  send,
  trackAuth,
  type Reply,
} from './support/webhook-test-kit.js';

const PRODUCE_TIMEOUT_MS = 2_000;
const RETRY_AFTER_SECONDS = 2;
const TRACK_PATH = `/webhooks/track/${TRACK_SOURCE}`;
const headers = { ...JSON_TYPE, ...trackAuth() };

/** What happened to one posted event. */
interface Outcome {
  readonly deviceId: string;
  readonly status: number;
  readonly phase: Phase;
  readonly ms: number;
  readonly reply: Reply;
}

type Phase = 'before' | 'down' | 'after';

/** Posts one "register push" per call, each for a new device, and keeps what happened. */
class EventPoster {
  readonly outcomes: Outcome[] = [];
  phase: Phase = 'before';
  private next = 0;

  constructor(
    private readonly url: string,
    private readonly prefix: string,
  ) {}

  async post(): Promise<Outcome> {
    const deviceId = `${this.prefix}-${String(this.next++).padStart(5, '0')}`;
    const phase = this.phase;
    const started = Date.now();
    const reply = await send(this.url, TRACK_PATH, { headers, body: registerPush(deviceId) });
    const outcome = { deviceId, status: reply.status, phase, ms: Date.now() - started, reply };
    this.outcomes.push(outcome);
    return outcome;
  }

  in(phase: Phase): Outcome[] {
    return this.outcomes.filter((outcome) => outcome.phase === phase);
  }
}

/** Every refusal is a 503 with Retry-After and a Kafka error code, answered within the produce timeout. */
function expectRefusalsWellFormed(outcomes: readonly Outcome[]): void {
  for (const outcome of outcomes.filter((o) => o.status !== 200)) {
    expect(outcome.status, outcome.deviceId).toBe(503);
    expect(outcome.reply.headers['retry-after']).toBe(String(RETRY_AFTER_SECONDS));
    expect(outcome.reply.json).toMatchObject({
      error: { code: expect.stringMatching(/^KAFKA_(UNAVAILABLE|PRODUCE_FAILED)$/) as unknown },
    });
    expect(outcome.ms, outcome.deviceId).toBeLessThan(PRODUCE_TIMEOUT_MS + 1_500);
  }
}

/**
 * Reads the topic back: accepted events missing (must be none) and refused ones written anyway. Right after
 * a broker restart one pass can end at offsets the broker had not yet exposed, so the read is repeated
 * until nothing accepted is missing or 30 s have passed — a real loss still fails, only later.
 */
async function readBack(
  brokers: readonly string[],
  topic: string,
  outcomes: readonly Outcome[],
): Promise<{ records: number; lost: string[]; refusedButWritten: number; passes: number }> {
  const keyOf = (outcome: Outcome): string => `track:${TRACK_SOURCE}:${outcome.deviceId}`;
  const deadline = Date.now() + 30_000;
  for (let passes = 1; ; passes++) {
    const records = await readTopic(testKafka(brokers), topic, { timeoutMs: 60_000 });
    const landed = new Map(records.map((record) => [record.key ?? '', record.value?.toString('utf8')]));
    const result = {
      records: records.length,
      lost: outcomes
        .filter((o) => o.status === 200 && landed.get(keyOf(o)) !== registerPush(o.deviceId))
        .map((o) => o.deviceId),
      refusedButWritten: outcomes.filter((o) => o.status !== 200 && landed.has(keyOf(o))).length,
      passes,
    };
    if (result.lost.length === 0 || Date.now() > deadline) return result;
    await sleep(2000);
  }
}

/** One posted event as a failure message shows it. */
function describeOutcome(outcomes: readonly Outcome[], deviceId: string): string {
  const outcome = outcomes.find((o) => o.deviceId === deviceId);
  return outcome === undefined
    ? `${deviceId}: not posted`
    : `${deviceId}: ${outcome.phase}, ${outcome.status} in ${outcome.ms} ms, reply ${JSON.stringify(outcome.reply.json)}`;
}

function codes(outcomes: readonly Outcome[]): string {
  const counts = new Map<string, number>();
  for (const outcome of outcomes) {
    const code =
      outcome.status === 200
        ? '200'
        : `${outcome.status} ${(outcome.reply.json as { error?: { code?: string } } | undefined)?.error?.code ?? '?'}`;
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return [...counts].map(([code, count]) => `${count} × ${code}`).join(', ');
}

/**
 * The broker is a real, separate Kafka JVM (not the shared one): it is stopped with SIGTERM while requests
 * keep coming, then restarted on the same data, and the topic is read back.
 */
describe('webhooks while the Kafka broker is stopped', () => {
  const settings = readInfraSettings();
  let infra: LocalRunningInfra | undefined;
  let broker: BrokerControl | undefined;
  let server: KafkaWebhookServer | undefined;

  beforeAll(async () => {
    infra = await startLocalInfra({ settings, kafkaVersion: settings.kafkaVersion, withRegistry: false });
    broker = BrokerControl.of(infra.instanceDir);
    server = await startKafkaWebhookServer(infra.kafkaBrokers, {
      produceTimeoutMs: PRODUCE_TIMEOUT_MS,
      retryAfterSeconds: RETRY_AFTER_SECONDS,
    });
  }, 240_000);

  afterAll(async () => {
    await server?.close();
    await broker?.dispose();
    await infra?.stop();
  }, 120_000);

  it('answers 503 with Retry-After while it is stopped, and every event that got a 2xx is in the topic', async () => {
    if (infra === undefined || broker === undefined || server === undefined) throw new Error('not started');
    const poster = new EventPoster(server.url, 'stop');
    for (let round = 0; round < 10; round++)
      await Promise.all(Array.from({ length: 10 }, () => poster.post()));
    expect(poster.outcomes.every((outcome) => outcome.status === 200)).toBe(true);

    let sending = true;
    const workers = Array.from({ length: 4 }, async () => {
      while (sending) await poster.post();
    });
    await sleep(300);
    await broker.stop();
    poster.phase = 'down';
    await waitFor('20 answers while the broker is stopped', () => poster.in('down').length >= 20, {
      timeoutMs: 60_000,
    });
    broker.start();
    poster.phase = 'after';
    await waitFor('a 200 after the broker is back', () => poster.in('after').some((o) => o.status === 200), {
      timeoutMs: 120_000,
      intervalMs: 250,
    });
    for (let round = 0; round < 5; round++) await poster.post();
    sending = false;
    await Promise.all(workers);

    const down = poster.in('down');
    // A request sent while the broker was stopping may have been acknowledged before it went.
    expect(down.filter((o) => o.status === 503).length).toBeGreaterThanOrEqual(down.length - 4);
    expectRefusalsWellFormed(poster.outcomes);
    const back = await readBack(infra.kafkaBrokers, server.topics.track, poster.outcomes);
    // On a failure, say when each lost event was accepted and how (phase, status, answer time).
    expect(back.lost.map((id) => describeOutcome(poster.outcomes, id))).toEqual([]);
    console.info(
      `broker stopped: ${poster.outcomes.length} requests; before the stop ${codes(poster.in('before'))}; ` +
        `while stopped ${codes(down)}; after the restart ${codes(poster.in('after'))}; ` +
        `${poster.outcomes.filter((o) => o.status === 200).length} accepted, ${back.records} records read back, ` +
        `${back.lost.length} accepted but missing, ${back.refusedButWritten} refused but written anyway (read back in ${back.passes} pass(es))`,
    );
  }, 300_000);

  it('answers 503 within the produce timeout while the broker hangs, and every 2xx is in the topic', async () => {
    if (infra === undefined || broker === undefined || server === undefined) throw new Error('not started');
    const poster = new EventPoster(server.url, 'hang');
    await waitFor('the broker to take writes', async () => (await poster.post()).status === 200, {
      timeoutMs: 120_000,
      intervalMs: 250,
    });
    for (let round = 0; round < 5; round++)
      await Promise.all(Array.from({ length: 10 }, () => poster.post()));
    broker.freeze();
    poster.phase = 'down';
    for (let round = 0; round < 3; round++) await Promise.all(Array.from({ length: 8 }, () => poster.post()));
    broker.thaw();
    poster.phase = 'after';
    await waitFor('a 200 after the broker thawed', async () => (await poster.post()).status === 200, {
      timeoutMs: 120_000,
      intervalMs: 250,
    });

    const down = poster.in('down');
    expect(down.every((o) => o.status === 503 && o.ms >= PRODUCE_TIMEOUT_MS - 50)).toBe(true);
    expectRefusalsWellFormed(poster.outcomes);
    // The sends that timed out are still retried by the producer and may land after the thaw.
    await sleep(3_000);
    const back = await readBack(infra.kafkaBrokers, server.topics.track, poster.outcomes);
    expect(back.lost).toEqual([]);
    const waits = down.map((o) => o.ms).sort((a, b) => a - b);
    console.info(
      `broker hung: ${poster.outcomes.length} requests; before ${codes(poster.in('before'))}; ` +
        `while frozen ${codes(down)} answered in ${waits[0] ?? 0}-${waits.at(-1) ?? 0} ms; after ${codes(poster.in('after'))}; ` +
        `${back.lost.length} accepted but missing, ${back.refusedButWritten} refused but written anyway (read back in ${back.passes} pass(es))`,
    );
  }, 300_000);
});
