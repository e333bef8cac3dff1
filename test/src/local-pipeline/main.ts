#!/usr/bin/env node
/**
 * `npm start`: the whole pipeline on this machine. With no KAFKA_BROKERS / SCHEMA_REGISTRY_URL it starts the
 * local Kafka + Apicurio from the harness; with no RTDS_APP_KEY it streams demo traffic from the RTDS
 * simulator and posts demo webhooks; the sink runs against the partner simulators unless real partner
 * credentials are configured. Settings may also come from a file: PUSHSTREAM_ENV_FILE=./pushstream.env.
 * Ctrl-C stops everything it started.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { testKitRoot } from '../infra/package-paths.js';
import { renderSummary, summarizePipeline } from './pipeline-summary.js';
import { startPipeline, type RunningPipeline } from './start-pipeline.js';

const envFile = process.env.PUSHSTREAM_ENV_FILE;
if (envFile !== undefined && envFile !== '') {
  if (!existsSync(envFile)) {
    console.error(`PUSHSTREAM_ENV_FILE: ${envFile} does not exist`);
    process.exit(2);
  }
  process.loadEnvFile(envFile);
}
const rate = Number(process.env.DEMO_EVENTS_PER_SECOND ?? 50);
if (!Number.isFinite(rate) || rate < 0) {
  console.error(
    `DEMO_EVENTS_PER_SECOND: expected a number ≥ 0, got ${process.env.DEMO_EVENTS_PER_SECOND ?? ''}`,
  );
  process.exit(2);
}
const runDir = path.join(
  testKitRoot(),
  '..',
  '.pushstream',
  'runs',
  new Date().toISOString().replace(/[:.]/g, '-'),
);
const started = Date.now();
const interactive = process.stdout.isTTY;
const log = (line: string) => console.log(line);

// Set once started; a Ctrl-C during start-up stops what exists (the infra reaper covers the JVMs).
const running: { pipeline?: RunningPipeline } = {};
let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  log(`\n${signal}: stopping the pipeline (services finish their batch and commit) …`);
  await running.pipeline?.stop();
  log('stopped; nothing left running.');
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

log('pushstream: starting the pipeline …');
const pipeline = await startPipeline({ log, runDir, env: process.env, demoEventsPerSecond: rate });
running.pipeline = pipeline;
const where = describe(pipeline);
for (const line of where) log(line);
if (pipeline.missing.length > 0)
  log(`not built, skipped: ${pipeline.missing.join(', ')} (run npm run build)`);

for (;;) {
  await sleep(interactive ? 2000 : 10_000);
  if (stopping) break;
  const summary = summarizePipeline(await pipeline.scrape());
  const uptime = `${Math.round((Date.now() - started) / 1000)} s`;
  const feed = pipeline.demo?.stats;
  const header = [
    `pushstream — running ${uptime}; Ctrl-C stops everything`,
    feed === undefined
      ? 'demo feed off'
      : `demo feed: ${feed.rtdsEvents} RTDS events, ${feed.cmRequests} CM + ${feed.trackRequests} track webhooks (${feed.rejected} rejected)`,
    '',
  ];
  for (const instance of pipeline.instances) {
    const reason = instance.exitReason();
    if (reason !== undefined)
      header.push(`! ${instance.spec.name} exited (${reason}); log ${instance.spec.logFile}`);
  }
  const lines = renderSummary(summary, header);
  if (interactive) process.stdout.write(`\x1b[H\x1b[2J${[...lines, '', ...where].join('\n')}\n`);
  else log(lines.join('\n'));
}

function describe(running: RunningPipeline): string[] {
  const lines = [
    '',
    `Kafka      ${running.infra.kafkaBrokers.join(',')} (${running.infra.mode}, ${running.infra.kafkaVersion})`,
    `registry   ${running.infra.schemaRegistryUrl}`,
    `topics     ${running.context.topicPrefix}* (see docs/topics.md)`,
    `RTDS       ${running.rtds === undefined ? 'real (RTDS_APP_KEY)' : `simulator ${running.rtds.url}`}`,
    `webhooks   ${running.webhookUrl}/webhooks/{cm,track}/<key> (auth on; generated credentials)`,
    running.partners === undefined
      ? 'partners   as configured (SINK_PARTNERS / SINK_PARTNERS_FILE / SINK_DRY_RUN)'
      : `partners   Infobip simulator ${running.partners.infobip.url}, Intilery simulator ${running.partners.intilery.url}`,
  ];
  for (const instance of running.instances) {
    lines.push(`${instance.spec.name.padEnd(11)}${instance.opsUrl}/metrics  log ${instance.spec.logFile}`);
  }
  return lines;
}
