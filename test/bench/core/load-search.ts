/** A load tried and whether the pipeline sustained it. */
export interface LoadProbe {
  readonly eventsPerSecond: number;
  readonly sustained: boolean;
}

/** How the search for the highest sustained load proceeds. */
export interface LoadSearchOptions {
  /** First load when nothing was tried yet. */
  readonly start: number;
  /** Factor applied to the best sustained load while nothing has failed yet. @default 2 */
  readonly growth?: number;
  /** Stop once the bracket [sustained, failed] is narrower than this share of the failed load. @default 0.15 */
  readonly resolution?: number;
  /** Loads are rounded to a multiple of this. @default 100 */
  readonly step?: number;
  /** Never offer more than this (the feeder's own limit). */
  readonly max?: number;
}

/**
 * The highest load that was sustained below the lowest load that was not (a load sustained above a failed
 * one is treated as noise and ignored); undefined when nothing was sustained.
 */
export function bestSustained(probes: readonly LoadProbe[]): number | undefined {
  const lowestFailure = Math.min(...probes.filter((p) => !p.sustained).map((p) => p.eventsPerSecond));
  const sustained = probes
    .filter((p) => p.sustained && p.eventsPerSecond < lowestFailure)
    .map((p) => p.eventsPerSecond);
  return sustained.length === 0 ? undefined : Math.max(...sustained);
}

/**
 * The next load to try, or undefined when the search is done: grow geometrically until a load fails, then
 * bisect between the best sustained and the lowest failed load until the bracket is narrow enough. Every
 * probe already made (fixed loads included) counts, so fixed-load steps seed the search.
 */
export function nextLoad(probes: readonly LoadProbe[], options: LoadSearchOptions): number | undefined {
  const step = options.step ?? 100;
  const round = (value: number) => Math.max(step, Math.round(value / step) * step);
  const tried = new Set(probes.map((p) => p.eventsPerSecond));
  const failures = probes.filter((p) => !p.sustained).map((p) => p.eventsPerSecond);
  const best = bestSustained(probes);
  if (failures.length === 0) {
    const next = round(best === undefined ? options.start : best * (options.growth ?? 2));
    if (options.max !== undefined && next > options.max) {
      return best !== undefined && best >= options.max
        ? undefined
        : tried.has(options.max)
          ? undefined
          : options.max;
    }
    return tried.has(next) ? undefined : next;
  }
  const high = Math.min(...failures);
  const low = best ?? 0;
  if (high - low <= (options.resolution ?? 0.15) * high) return undefined;
  const next = round((low + high) / 2);
  return next <= low || next >= high || tried.has(next) ? undefined : next;
}
