import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_APPS, createTraffic } from '@pushstream/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInfraSettings } from '../../src/infra/infra-settings.js';
import { startLocalInfra, type LocalRunningInfra } from '../../src/infra/local-infra.js';
import { startPipeline, testKafka, type RunningPipeline } from '../../src/index.js';
import {
  auditPassed,
  auditPipeline,
  type AuditFigures,
  type InjectedPoison,
} from './support/pipeline-audit.js';
import { writeStreamWatermarks } from './support/stream-watermark.js';
import { feedTraffic, type FeedStats } from './support/traffic-feed.js';

/**
 * The whole pipeline under faults, end to end: generated traffic from the three sources through the four
 * real services (child processes) to the partner simulators, on a Kafka + registry of its own (so the broker
 * and the registry can be killed), with every fault of issue 8 injected during one run, then an audit of
 * every output topic and both partners against the model of the generated traffic.
 */
const FEED_MS = 60_000;
const DAY_MS = 86_400_000;
/** The sessionizer's default inactivity gap (DESIGN.md §5). */
const SESSION_GAP_MS = 30 * 60_000;
/**
 * Longer than any lateness of the traffic (3 days of event time): no event is too late for its session, so
 * the emitted sessions must equal plain gap clustering of all activity, and every window stays open — in
 * open-sessions.v1, through every kill and rebalance — until the suite moves stream time past them.
 */
const SESSION_GRACE_MS = 7 * DAY_MS;
const apps = DEFAULT_APPS;
const shop = apps[0];
if (shop === undefined) throw new Error('no demo app');

const traffic = createTraffic({
  seed: 'e2e-faults',
  start: Date.now() - 3 * 24 * 60 * 60 * 1000,
  devices: 600,
  apps,
  rtds: { events: 6000, appKey: shop.airshipAppKey, duplicateRate: 0.05 },
  cm: { events: 1200, redeliveryRate: 0.05 },
  track: { messages: 1200, duplicateRate: 0.05 },
});

let infra: LocalRunningInfra;
let pipeline: RunningPipeline;
const runDir = path.join(os.tmpdir(), `pushstream-e2e-${process.pid}`);
const faults: string[] = [];

async function at(startedAt: number, fraction: number): Promise<void> {
  await sleep(Math.max(0, startedAt + fraction * FEED_MS - Date.now()));
}

async function restartService(name: 'connector' | 'normalizer' | 'sessionizer' | 'sink'): Promise<void> {
  const instance = pipeline.instance(name);
  await instance.kill();
  await sleep(1000);
  instance.start();
  faults.push(`${name} SIGKILLed and restarted`);
}

describe('the pipeline end to end under faults', () => {
  beforeAll(async () => {
    const settings = readInfraSettings();
    infra = await startLocalInfra({ settings, kafkaVersion: settings.kafkaVersion });
    pipeline = await startPipeline({
      log: () => undefined,
      runDir,
      env: { SESSION_GAP_MS: String(SESSION_GAP_MS), SESSION_GRACE_MS: String(SESSION_GRACE_MS) },
      demoEventsPerSecond: 0,
      topicPrefix: 'e2e.',
      apps,
      infra,
    });
  }, 180_000);

  afterAll(async () => {
    await pipeline?.stop();
    await infra?.stop();
  }, 120_000);

  it('loses nothing, duplicates nothing and ends in the model state', async () => {
    const kafka = testKafka(infra.kafkaBrokers);
    const partners = pipeline.partners;
    const rtds = pipeline.rtds;
    if (partners === undefined || rtds === undefined) throw new Error('simulators expected');
    // Wait until every service is up before the clock starts.
    for (const instance of pipeline.instances) {
      await waitReady(instance.opsUrl);
    }

    const poison: InjectedPoison[] = [
      {
        topic: 'raw.airship-rtds.v1',
        key: 'poison:rtds',
        value: '{"id": "broken',
        code: 'RECORD_INVALID_JSON',
      },
      {
        topic: 'raw.cm-push.v1',
        key: 'poison:cm',
        value: '{"type":"ClientInstalled"}',
        code: 'RECORD_SCHEMA_VIOLATION',
      },
      { topic: 'raw.track.v1', key: 'poison:track', value: 'not json at all', code: 'RECORD_INVALID_JSON' },
      {
        topic: 'raw.airship-compliance.v1',
        key: 'poison:compliance',
        value: '[1,2,3]',
        code: 'RECORD_SCHEMA_VIOLATION',
      },
    ];
    const producer = kafka.producer();
    await producer.connect();
    for (const record of poison) {
      await producer.send({
        topic: `e2e.${record.topic}`,
        acks: -1,
        messages: [{ key: record.key, value: record.value }],
      });
    }
    await producer.disconnect();

    const startedAt = Date.now();
    const feeding: Promise<FeedStats> = feedTraffic(pipeline, traffic, { durationMs: FEED_MS });

    await at(startedAt, 0.08);
    rtds.disconnectAll();
    faults.push('RTDS connections cut');
    await at(startedAt, 0.12);
    rtds.script({ kind: 'stall', durationMs: 20_000 });
    faults.push('RTDS stream stalled 20 s (connector silence limit 15 s)');
    await at(startedAt, 0.2);
    await restartService('connector');
    await at(startedAt, 0.28);
    const secondNormalizer = await pipeline.addInstance('normalizer');
    const secondSessionizer = await pipeline.addInstance('sessionizer');
    faults.push('second normalizer and sessionizer started (rebalance)');
    await at(startedAt, 0.36);
    await restartService('normalizer');
    await at(startedAt, 0.44);
    await infra.restartKafka({ downMs: 2000 });
    faults.push('broker SIGKILLed and restarted');
    await at(startedAt, 0.52);
    await secondNormalizer.stop();
    await secondSessionizer.stop();
    faults.push('second normalizer and sessionizer stopped (rebalance back)');
    await at(startedAt, 0.6);
    await restartService('sessionizer');
    await at(startedAt, 0.66);
    const partnerFaults = {
      rate: 0.3,
      seed: 8,
      kinds: [
        { kind: 'status', status: 429, retryAfter: 1 },
        { kind: 'status', status: 503 },
        { kind: 'status', status: 500 },
        { kind: 'timeout', afterApply: true },
      ],
    } as const;
    partners.infobip.setFaults(partnerFaults);
    partners.intilery.setFaults(partnerFaults);
    faults.push('partners answer 30% 429/5xx/timeouts');
    await at(startedAt, 0.76);
    await restartService('sink');
    await at(startedAt, 0.84);
    await infra.restartRegistry({ downMs: 1000 });
    faults.push('schema registry SIGKILLed and restarted');
    await at(startedAt, 0.9);
    partners.infobip.setFaults(undefined);
    partners.intilery.setFaults(undefined);
    const fed = await feeding;

    let figures: AuditFigures | undefined;
    let watermarkedPartitions = 0;
    const deadline = Date.now() + 240_000;
    for (;;) {
      figures = await auditPipeline(kafka, pipeline, traffic, poison, { sessionGapMs: SESSION_GAP_MS });
      // Once every event is in device-events.v1, stream time jumps past every window: all sessions close.
      if (watermarkedPartitions === 0 && figures.lostEvents === 0) {
        watermarkedPartitions = await writeStreamWatermarks(
          kafka,
          infra.schemaRegistryUrl,
          `${pipeline.context.topicPrefix}device-events.v1`,
        );
        continue;
      }
      if ((watermarkedPartitions > 0 && auditPassed(figures)) || Date.now() > deadline) break;
      await sleep(5000);
    }
    const logs = pipeline.instances.map((instance) => readFileSync(instance.spec.logFile, 'utf8')).join('\n');
    const leakedSecrets = pipeline.secrets.filter((secret) => logs.includes(secret)).length;
    // Injected kills are not crashes; a service that died on its own (and was restarted by the launcher) is.
    const crashes = pipeline.instances.reduce((sum, instance) => sum + instance.crashCount, 0);
    const { examples, ...numbers } = figures;
    console.log(
      [
        'end-to-end audit',
        `  fed: ${fed.rtdsLines} RTDS lines, ${fed.webhookRequests} webhooks accepted (${fed.webhookRetries} retried)`,
        `  faults: ${faults.join('; ')}`,
        `  stream watermark written to ${watermarkedPartitions} partitions of device-events.v1`,
        ...Object.entries(numbers).map(([name, value]) => `  ${name}: ${String(value)}`),
        `  secrets found in ${logs.split('\n').length} log lines: ${leakedSecrets}`,
        `  services that crashed on their own: ${
          pipeline.instances
            .filter((i) => i.crashCount > 0)
            .map((i) => i.spec.name)
            .join(', ') || 'none'
        }`,
        ...examples.map((line) => `  e.g. ${line}`),
      ].join('\n'),
    );
    expect(faults).toHaveLength(11);
    expect({ ...numbers, leakedSecrets, crashes }).toEqual({
      ...numbers,
      duplicateEventIds: 0,
      lostEvents: 0,
      unexpectedEvents: 0,
      stateMismatches: 0,
      missingDevices: 0,
      sessionProblems: 0,
      poisonDeadLettered: poison.length,
      infobipMismatches: 0,
      intileryMismatches: 0,
      leakedSecrets: 0,
      crashes: 0,
    });
    expect(numbers.eventsDelivered).toBe(numbers.uniqueEventsGenerated);
    expect(watermarkedPartitions).toBeGreaterThan(0);
    expect(numbers.sessions).toBe(numbers.sessionsExpected);
    expect(numbers.sessions).toBeGreaterThan(0);
  }, 600_000);
});

async function waitReady(opsUrl: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const ok = await fetch(`${opsUrl}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${opsUrl} never became healthy`);
    await sleep(500);
  }
}
