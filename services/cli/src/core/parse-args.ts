import { UsageError } from './usage-error.js';

/** A whole number ≥ `min` given as an option value; `what` names the option in the error. */
export function parseCount(text: string, what: string, min = 1): number {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) throw new UsageError(`${what} must be a whole number, got "${text}"`);
  const value = Number(trimmed);
  if (!Number.isSafeInteger(value) || value < min)
    throw new UsageError(`${what} must be at least ${min}, got "${text}"`);
  return value;
}

/** A Kafka offset (a non-negative 64-bit integer) given as text; kept as a decimal string. */
export function parseOffset(text: string, what: string): string {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed) || BigInt(trimmed) > 2n ** 63n - 1n)
    throw new UsageError(`${what} must be a non-negative whole number, got "${text}"`);
  return BigInt(trimmed).toString();
}

const DURATION_UNITS_MS: Readonly<Record<string, number>> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/**
 * A point in time given as an ISO-8601 date/time (`2026-11-20T10:00:00Z`, `2026-11-20`) or as a duration
 * back from `nowMs` (`90s`, `15m`, `2h`, `7d`, `1w`); returns ms since the epoch.
 */
export function parseSince(text: string, nowMs: number): number {
  const trimmed = text.trim();
  const duration = /^(\d+)\s*([smhdw])$/i.exec(trimmed);
  if (duration?.[1] !== undefined && duration[2] !== undefined) {
    const unit = DURATION_UNITS_MS[duration[2].toLowerCase()];
    if (unit !== undefined) return nowMs - Number(duration[1]) * unit;
  }
  if (/^\d{4}-\d{2}-\d{2}/.test(trimmed)) {
    const ms = Date.parse(trimmed);
    if (!Number.isNaN(ms)) return ms;
  }
  throw new UsageError(
    `--since must be an ISO date/time (2026-11-20T10:00:00Z) or a duration (30s, 15m, 2h, 7d, 1w), got "${text}"`,
  );
}

/** One of a closed list of words, e.g. a stage or a sink target. */
export function parseChoice<T extends string>(text: string, choices: readonly T[], what: string): T {
  const found = choices.find((choice) => choice === text.trim());
  if (found === undefined)
    throw new UsageError(`unknown ${what} "${text}": expected one of ${choices.join(', ')}`);
  return found;
}

/**
 * `stage=group` pairs of `--group`, repeatable (`--group sink=pushstream.sink`), into a map; stages must be
 * among `stages`.
 */
export function parseGroupOverrides(
  pairs: readonly string[],
  stages: readonly string[],
): Map<string, string> {
  const out = new Map<string, string>();
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const stage = at > 0 ? pair.slice(0, at).trim() : '';
    const group = at > 0 ? pair.slice(at + 1).trim() : '';
    if (stage === '' || group === '')
      throw new UsageError(`--group expects <stage>=<group id>, got "${pair}"`);
    parseChoice(stage, stages, 'stage in --group');
    out.set(stage, group);
  }
  return out;
}
