import { SINK_TARGETS, type Stage, type TopicSpec } from '@pushstream/schemas';

/**
 * Full topic name for a command argument: a topology name (`device-events.v1`) gets the prefix; a name
 * already carrying the prefix, or one the topology does not declare, is used as written.
 */
export function resolveTopicArgument(
  argument: string,
  prefix: string,
  topology: readonly TopicSpec[],
): string {
  const name = argument.trim();
  if (topology.some((topic) => topic.name === name)) return `${prefix}${name}`;
  return name;
}

/** The declared topic behind a full name, if the topology declares it under this prefix. */
export function declaredTopic(
  fullName: string,
  prefix: string,
  topology: readonly TopicSpec[],
): TopicSpec | undefined {
  if (!fullName.startsWith(prefix)) return undefined;
  const name = fullName.slice(prefix.length);
  return topology.find((topic) => topic.name === name);
}

/** Unprefixed topics a stage consumes as its input (restores of its own state are not input). */
export function stageInputTopics(stage: Stage, topology: readonly TopicSpec[]): string[] {
  return topology.filter((topic) => topic.consumers.includes(stage)).map((topic) => topic.name);
}

/**
 * The consumer groups of a stage, by the runtime's one convention (`<prefix><stage>`, see the runtime's
 * `consumerGroupOf`): the sink runs one group per target (`<prefix>sink.<target>`). An override replaces them.
 */
export function stageGroups(stage: string, prefix: string, override?: string): string[] {
  if (override !== undefined) return [override];
  if (stage === 'sink') return SINK_TARGETS.map((target) => sinkGroupId(prefix, target));
  return [`${prefix}${stage}`];
}

/** The sink's consumer group for one target. */
export function sinkGroupId(prefix: string, target: string): string {
  return `${prefix}sink.${target}`;
}

/** The group `dlq replay` commits its progress in, one per service's DLQ. */
export function replayGroupId(prefix: string, service: string): string {
  return `${prefix}cli.dlq-replay.${service}`;
}
