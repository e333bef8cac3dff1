import { Command, CommanderError, Option } from 'commander';
import { errorMessage, isPushstreamError } from '@pushstream/runtime';
import { SINK_TARGETS, STAGES } from '@pushstream/schemas';
import { parseChoice, parseCount, parseGroupOverrides, parseSince } from './core/parse-args.js';
import { parseCondition } from './core/record-filter.js';
import { redactText } from './core/redact-output.js';
import { UsageError } from './core/usage-error.js';
import { parseValueFormat } from './core/value-format.js';
import { CliContext, loadCliConfig, secretsOf, type GlobalOptions } from './context.js';
import type { CliIo } from './io.js';
import { Output } from './output.js';
import { deviceCommand } from './commands/device.js';
import { dlqReplayCommand } from './commands/dlq-replay.js';
import { resyncCommand } from './commands/resync.js';
import { rtdsCheckpointSet, rtdsCheckpointShow } from './commands/rtds-checkpoint.js';
import { statusCommand } from './commands/status.js';
import { tailCommand } from './commands/tail.js';

/** Exit codes of the CLI. */
export const EXIT = { ok: 0, error: 1, usage: 2 } as const;

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/**
 * Runs the CLI on `argv` (the arguments after the program name) with `io`, and resolves with the exit code:
 * 0 ok, 1 error (Kafka unreachable, group active, aborted …), 2 usage (bad arguments or configuration).
 * Everything printed is cleaned of credentials first.
 */
export async function run(argv: readonly string[], rawIo: CliIo): Promise<number> {
  const secrets = secretsOf(rawIo.env);
  const io: CliIo = {
    ...rawIo,
    stdout: (text) => rawIo.stdout(redactText(text, secrets)),
    stderr: (text) => rawIo.stderr(redactText(text, secrets)),
  };
  let jsonErrors = argv.includes('--json');
  const program = buildProgram(io, (json) => (jsonErrors = json));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are "errors" to commander; its own message was already printed.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    return report(io, error, jsonErrors);
  }
}

function report(io: CliIo, error: unknown, json: boolean): number {
  const usage = error instanceof UsageError || isPushstreamError(error, 'CONFIG_INVALID');
  const code =
    error instanceof UsageError ? error.code : isPushstreamError(error) ? error.code : 'PROCESSING_FAILED';
  // Expected errors are one line; only an unexpected one gets its stack, and only with PUSHSTREAM_DEBUG.
  const expected = error instanceof UsageError || isPushstreamError(error);
  const message = errorMessage(error);
  if (json) io.stderr(`${JSON.stringify({ error: { code, message } })}\n`);
  else {
    io.stderr(`pushstream: ${code}: ${message}\n`);
    if (
      !expected &&
      io.env.PUSHSTREAM_DEBUG !== undefined &&
      error instanceof Error &&
      error.stack !== undefined
    )
      io.stderr(`${error.stack}\n`);
  }
  return usage ? EXIT.usage : EXIT.error;
}

function buildProgram(io: CliIo, setJson: (json: boolean) => void): Command {
  const program = new Command('pushstream')
    .description('Operate pushstream: topics, lag, devices, dead letters, RTDS checkpoints, partner resyncs.')
    .option('--brokers <list>', 'Kafka brokers host:port[,…] (default: KAFKA_BROKERS)')
    .option('--registry <url>', 'schema registry URL (default: SCHEMA_REGISTRY_URL)')
    .option('--prefix <prefix>', 'topic prefix (default: TOPIC_PREFIX, else "pushstream.")')
    .option('--json', 'machine-readable output (one JSON document; NDJSON for tail)')
    .option('--verbose', 'show Kafka client warnings on stderr')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout(text), writeErr: (text) => io.stderr(text) });

  /** Wraps an action: config from env + flags, a context closed afterwards, output mode. */
  const act =
    (action: (ctx: CliContext, out: Output, command: Command) => Promise<void>) =>
    async (...args: unknown[]): Promise<void> => {
      const command = args.at(-1);
      if (!(command instanceof Command)) throw new Error('commander did not pass the command');
      const globals = command.optsWithGlobals<GlobalOptions>();
      setJson(globals.json === true);
      const ctx = new CliContext(loadCliConfig(io.env, globals), io);
      try {
        await action(ctx, new Output(io, globals.json === true), command);
      } finally {
        await ctx.close();
      }
    };
  const now = () => io.now?.() ?? Date.now();

  program
    .command('status')
    .description('topics (partitions, offsets), consumer-group lag per stage, DLQ depths')
    .option(
      '--group <stage=group>',
      'consumer group of a stage, repeatable (default: <prefix><stage>, else <stage>)',
      collect,
      [],
    )
    .action(
      act((ctx, out, command) =>
        statusCommand(ctx, out, {
          groups: parseGroupOverrides(command.opts<{ group: string[] }>().group, STAGES),
        }),
      ),
    );

  program
    .command('device')
    .description(
      'state, recent events and sessions of one device (reads only the partitions its key hashes to)',
    )
    .argument('<key>', 'device key, e.g. airship:<appKey>:<channel>')
    .option('--events <n>', 'most recent events to show', '20')
    .option('--sessions <n>', 'most recent sessions to show', '10')
    .action(
      act((ctx, out, command) => {
        const opts = command.opts<{ events: string; sessions: string }>();
        const key = String(command.args[0]);
        return deviceCommand(ctx, out, key, {
          events: parseCount(opts.events, '--events', 0),
          sessions: parseCount(opts.sessions, '--sessions', 0),
        });
      }),
    );

  program
    .command('tail')
    .description(
      'print records of a topic, decoded (Avro via the registry, JSON, text), filtered, optionally following',
    )
    .argument('<topic>', 'topic, e.g. device-events.v1 (the prefix is added) or a full name')
    .addOption(new Option('--format <format>', 'value format: auto, avro, json, text, hex').default('auto'))
    .option('--key <key>', 'only records with this key (reads only its partition)')
    .option(
      '--where <field=value>',
      'only records whose field (dotted path) equals (= / !=) the value; repeatable',
      collect,
      [],
    )
    .option('--since <time>', 'only records since an ISO time or a duration back (30s, 15m, 2h, 7d)')
    .option('-f, --follow', 'keep printing new records until Ctrl-C (or --limit)')
    .option('--from-beginning', 'start at the oldest record')
    .option('-n, --limit <n>', 'stop after n matching records (default without a start option: the last 10)')
    .option('--headers', 'show record headers (text output)')
    .action(
      act((ctx, out, command) => {
        const opts = command.opts<{
          format: string;
          key?: string;
          where: string[];
          since?: string;
          follow?: boolean;
          fromBeginning?: boolean;
          limit?: string;
          headers?: boolean;
        }>();
        return tailCommand(ctx, out, String(command.args[0]), {
          format: parseValueFormat(opts.format),
          filter: {
            ...(opts.key === undefined ? {} : { key: opts.key }),
            where: opts.where.map(parseCondition),
            ...(opts.since === undefined ? {} : { sinceMs: parseSince(opts.since, now()) }),
          },
          follow: opts.follow === true,
          fromBeginning: opts.fromBeginning === true,
          limit: opts.limit === undefined ? undefined : parseCount(opts.limit, '--limit'),
          showHeaders: opts.headers === true,
        });
      }),
    );

  const dlq = program.command('dlq').description('dead-letter queues');
  dlq
    .command('replay')
    .description('re-inject dead letters into their source topics (pushstream-source-topic), each once')
    .argument('<service>', `service whose DLQ to replay: ${STAGES.join(', ')}`)
    .option('--dry-run', 'show what would be replayed, change nothing')
    .option('-y, --yes', 'do not ask for confirmation')
    .option(
      '--group <group>',
      'consumer group recording the replay progress (default: <prefix>cli.dlq-replay.<service>)',
    )
    .action(
      act((ctx, out, command) => {
        const opts = command.opts<{ dryRun?: boolean; yes?: boolean; group?: string }>();
        return dlqReplayCommand(ctx, out, parseChoice(String(command.args[0]), STAGES, 'service'), {
          dryRun: opts.dryRun === true,
          yes: opts.yes === true,
          ...(opts.group === undefined ? {} : { group: opts.group }),
        });
      }),
    );

  const rtds = program.command('rtds').description('Airship RTDS streams');
  const checkpoint = rtds
    .command('checkpoint')
    .description('show the stored RTDS checkpoint of every stream, or of one')
    .argument('[stream]', 'stream id, e.g. <appKey>:events')
    .action(act((ctx, out, command) => rtdsCheckpointShow(ctx, out, command.args[0])));
  checkpoint
    .command('set')
    .description('store a new RTDS checkpoint for a stream (stop its connector first)')
    .argument('<stream>', 'stream id, e.g. <appKey>:events')
    .argument('<offset>', 'RTDS offset to resume from (opaque)')
    .option(
      '--app-key <appKey>',
      'app key, when the stream has no checkpoint yet (default: the stream id up to ":")',
    )
    .option('-y, --yes', 'do not ask for confirmation')
    .action(
      act((ctx, out, command) => {
        const opts = command.opts<{ yes?: boolean; appKey?: string }>();
        const [stream, offset] = command.args.map((arg) => arg.trim());
        if (stream === undefined || stream === '' || offset === undefined || offset === '')
          throw new UsageError('rtds checkpoint set needs a stream id and an offset');
        return rtdsCheckpointSet(ctx, out, stream, offset, {
          yes: opts.yes === true,
          ...(opts.appKey === undefined ? {} : { appKey: opts.appKey }),
        });
      }),
    );

  program
    .command('resync')
    .description(
      "replay device-state to a partner: reset the sink group's offsets to the start (the sink re-sends devices out of sync)",
    )
    .argument('<target>', `partner: ${SINK_TARGETS.join(', ')}`)
    .option('--force', "also tombstone the target's acks so that every device is re-sent")
    .option('--dry-run', 'show the plan, change nothing')
    .option('-y, --yes', 'do not ask for confirmation')
    .option('--group <group>', "the sink's consumer group (default: <prefix>sink, else sink)")
    .action(
      act((ctx, out, command) => {
        const opts = command.opts<{ force?: boolean; dryRun?: boolean; yes?: boolean; group?: string }>();
        return resyncCommand(ctx, out, parseChoice(String(command.args[0]), SINK_TARGETS, 'target'), {
          force: opts.force === true,
          dryRun: opts.dryRun === true,
          yes: opts.yes === true,
          ...(opts.group === undefined ? {} : { group: opts.group }),
        });
      }),
    );

  // A nested command would otherwise exit the process on its own errors.
  for (const command of [
    dlq,
    rtds,
    checkpoint,
    ...program.commands,
    ...dlq.commands,
    ...rtds.commands,
    ...checkpoint.commands,
  ]) {
    command
      .exitOverride()
      .configureOutput({ writeOut: (text) => io.stdout(text), writeErr: (text) => io.stderr(text) });
  }
  return program;
}
