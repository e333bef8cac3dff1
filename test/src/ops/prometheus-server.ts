import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { freeLoopbackPorts } from '../infra/free-ports.js';
import { waitFor } from '../wait-for.js';

/** One scrape target: a service's ops server on loopback. */
export interface ScrapeTarget {
  readonly service: string;
  readonly instance: string;
  readonly port: number;
}

/** The answer of the Prometheus HTTP API to an instant query. */
export interface InstantQueryResult {
  readonly status: 'success' | 'error';
  readonly error?: string;
  readonly data?: {
    readonly resultType: string;
    readonly result: ReadonlyArray<{ metric: Record<string, string>; value?: [number, string] }>;
  };
}

/** A Prometheus server started for a test. */
export interface PrometheusServer {
  readonly url: string;
  /** An instant query at the current time. */
  query(expr: string): Promise<InstantQueryResult>;
  /** Metric names Prometheus has series of. */
  metricNames(): Promise<string[]>;
  /** Rule groups as loaded and evaluated. */
  rules(): Promise<Array<{ name: string; health: string; lastError?: string }>>;
  /** Last lines of its log, for failure messages. */
  tail(): string;
  stop(): Promise<void>;
}

/**
 * Starts a real Prometheus (Debian's `prometheus` binary) on a free loopback port, scraping `targets` every
 * second with their `service` label (as the PodMonitor and the compose config label them) and evaluating
 * `ruleFiles`. Data lives in `dir`.
 */
export async function startPrometheus(options: {
  readonly executable: string;
  readonly dir: string;
  readonly targets: readonly ScrapeTarget[];
  readonly ruleFiles?: readonly string[];
}): Promise<PrometheusServer> {
  mkdirSync(options.dir, { recursive: true });
  const configFile = path.join(options.dir, 'prometheus.yml');
  writeFileSync(
    configFile,
    stringify({
      global: { scrape_interval: '1s', evaluation_interval: '1s' },
      rule_files: options.ruleFiles ?? [],
      scrape_configs: [
        {
          job_name: 'pushstream',
          static_configs: options.targets.map((target) => ({
            targets: [`127.0.0.1:${target.port}`],
            labels: { service: target.service, pod: target.instance },
          })),
        },
      ],
    }),
  );
  const [port = 0] = await freeLoopbackPorts(1);
  const url = `http://127.0.0.1:${port}`;
  const lines: string[] = [];
  const child: ChildProcess = spawn(
    options.executable,
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${path.join(options.dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const remember = (chunk: Buffer) => {
    lines.push(
      ...chunk
        .toString('utf8')
        .split('\n')
        .filter((line) => line !== ''),
    );
    lines.splice(0, Math.max(0, lines.length - 40));
  };
  child.stdout?.on('data', remember);
  child.stderr?.on('data', remember);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const get = async <T>(pathAndQuery: string): Promise<T> => {
    const response = await fetch(`${url}${pathAndQuery}`, { signal: AbortSignal.timeout(10_000) });
    return (await response.json()) as T;
  };
  const server: PrometheusServer = {
    url,
    query: (expr) => get<InstantQueryResult>(`/api/v1/query?query=${encodeURIComponent(expr)}`),
    metricNames: async () => (await get<{ data: string[] }>('/api/v1/label/__name__/values')).data,
    rules: async () =>
      (
        await get<{
          data: { groups: Array<{ rules: Array<{ name: string; health: string; lastError?: string }> }> };
        }>('/api/v1/rules')
      ).data.groups.flatMap((group) => group.rules),
    tail: () => lines.join('\n'),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
  try {
    await waitFor(
      'Prometheus to be ready',
      async () => {
        if (child.exitCode !== null)
          throw new Error(`prometheus exited (${child.exitCode}):\n${server.tail()}`);
        return fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(1000) }).then(
          (response) => response.ok,
          () => false,
        );
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}
