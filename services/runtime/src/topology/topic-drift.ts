import type { ResolvedTopic } from '@pushstream/schemas';

/** What Kafka reports about an existing topic. */
export interface ExistingTopic {
  readonly partitions: number;
  /** Effective topic configs (broker defaults included). */
  readonly configs: Readonly<Record<string, string | undefined>>;
}

/**
 * The differences between a declared topic and the one in the cluster, each as a sentence naming the
 * setting, the expected value and the actual one. Empty when the topic is as declared.
 */
export function topicDrift(spec: ResolvedTopic, actual: ExistingTopic): string[] {
  const problems: string[] = [];
  if (actual.partitions !== spec.partitions) {
    problems.push(
      `${spec.fullName}: has ${actual.partitions} partitions, the topology declares ${spec.partitions} (keys would map to other partitions; fix the topic or the partition config)`,
    );
  }
  for (const [name, expected] of Object.entries(spec.requiredConfigs)) {
    const value = actual.configs[name];
    if (!sameConfigValue(name, expected, value)) {
      problems.push(
        `${spec.fullName}: ${name} is ${value === undefined ? 'unset' : `"${value}"`}, expected "${expected}"`,
      );
    }
  }
  return problems;
}

function sameConfigValue(name: string, expected: string, actual: string | undefined): boolean {
  if (actual === undefined) return false;
  // cleanup.policy is a list: "compact,delete" and "delete,compact" are the same policy.
  if (name === 'cleanup.policy') return normalizeList(expected) === normalizeList(actual);
  return expected === actual;
}

function normalizeList(value: string): string {
  return value
    .split(',')
    .map((item) => item.trim())
    .sort()
    .join(',');
}
