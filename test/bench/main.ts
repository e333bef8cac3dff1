/**
 * `npm run bench`: pushstream's benchmark suite against a real Kafka + registry (the harness starts them,
 * or KAFKA_BROKERS / SCHEMA_REGISTRY_URL name running ones). Runs every scenario N times, takes medians,
 * compares each stage with the broker and client ceilings measured in the same run, writes
 * bench-results/<date>/{results.json,results.md,chart.svg} (and latest.md after a full run) and prints the
 * markdown. Options: see core/bench-options.ts or test/bench/README.md.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { testKafka, withAdmin } from '@pushstream/test-kit';
import { readInfraSettings, startInfra } from '@pushstream/test-kit/infra';
import { parseBenchOptions } from './core/bench-options.ts';
import { buildReport } from './core/build-report.ts';
import type { BenchContext } from './scenario.ts';
import { CHAIN_FILLERS, allScenarios } from './scenarios/index.ts';
import { gitCommit, machineInfo, packageVersion } from './shell/machine-info.ts';
import { resultsFolderName, writeResults } from './shell/results-writer.ts';
import { runScenarios } from './shell/run-scenarios.ts';
import { StageChain } from './shell/stage-chain.ts';
import { createWorkload } from './shell/workload.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const log = (line: string) => console.log(line);

const options = parseBenchOptions(process.argv.slice(2), process.env);
const started = new Date();
const wallStart = performance.now();
const folder = resultsFolderName(started);
const namePrefix = `bench-${folder.toLowerCase()}-`;
const logDir = mkdtempSync(path.join(os.tmpdir(), `pushstream-bench-${folder}-`));
const machine = machineInfo();
const scenarios = allScenarios(options);
const unknown = (options.only ?? []).filter((id) => !scenarios.some((scenario) => scenario.id === id));
if (unknown.length > 0)
  throw new Error(
    `unknown scenario(s) ${unknown.join(', ')}; known: ${scenarios.map((s) => s.id).join(', ')}`,
  );
const selected = scenarios.filter((scenario) => options.only?.includes(scenario.id) ?? true);

log(`bench: ${selected.length} scenario(s) × ${options.runs} run(s); service and tool logs in ${logDir}`);
const infra = await startInfra({ log });
const kafka = testKafka(infra.kafkaBrokers);
const kafkaVersion = infra.mode === 'external' ? readInfraSettings().kafkaVersion : infra.kafkaVersion;
let exitCode = 0;
try {
  const workload = createWorkload(logDir, options.devices);
  const context: BenchContext = {
    infra,
    kafka,
    options,
    workload,
    chain: new StageChain(CHAIN_FILLERS),
    namePrefix,
    logDir,
    kafkaVersion,
    log,
  };
  const outcomes = await runScenarios(context, selected);
  const report = buildReport(
    {
      date: started.toISOString(),
      wallSeconds: (performance.now() - wallStart) / 1000,
      runs: options.runs,
      machine,
      versions: {
        node: process.version,
        kafka: infra.kafkaVersion,
        'kafka-tools': kafkaVersion,
        registry: `Apicurio ${infra.registryVersion}`,
        kafkajs: packageVersion('kafkajs'),
        autocannon: packageVersion('autocannon'),
      },
      workload: {
        'records per run': options.records,
        'average record bytes': Math.round(workload.averageBytes),
        partitions: workload.partitions,
        devices: options.devices,
        'webhook seconds': options.webhookSeconds,
        'webhook connections': options.webhookConnections,
        'end-to-end step seconds': options.e2eSeconds,
        'end-to-end loads': options.e2eLoads.join(' + '),
      },
      infraMode:
        infra.mode === 'external'
          ? `external (KAFKA_BROKERS=${infra.kafkaBrokers.join(',')}), shared with whatever else runs on it`
          : `${infra.mode} harness, started for this run, co-located on this machine`,
      ...optionalCommit(gitCommit(REPO_ROOT)),
      notes: [
        'Every process (broker, registry, services, load generators) shares this machine; figures are only comparable within one run.',
        'Throughput of stages counts from the first record to the last; process start and group join are reported separately where known.',
      ],
    },
    outcomes,
  );
  const written = await writeResults(
    report,
    path.resolve(REPO_ROOT, options.resultsDir),
    options.only === undefined,
  );
  log('');
  log(written.markdown);
  log(`bench: results in ${written.dir}${written.latestUpdated ? ' (latest.md updated)' : ''}`);
} catch (error) {
  exitCode = 1;
  console.error(error);
} finally {
  await deleteBenchTopics(kafka, namePrefix).catch((error: unknown) =>
    log(`bench: topic cleanup failed: ${String(error)}`),
  );
  await infra.stop();
}
process.exit(exitCode);

function optionalCommit(commit: string | undefined): { commit?: string } {
  return commit === undefined ? {} : { commit };
}

/** Deletes the topics this run created (their names start with its prefix); nobody else's. */
async function deleteBenchTopics(client: typeof kafka, prefix: string): Promise<void> {
  await withAdmin(client, async (admin) => {
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 30_000 });
  });
}
