import { readFileSync } from 'node:fs';

/** Resident set size of a process from `/proc/<pid>/status` (VmRSS), bytes; undefined when unreadable. */
export function readRssBytes(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] === undefined ? undefined : Number(match[1]) * 1024;
  } catch {
    return undefined;
  }
}

/** The highest RSS seen per named process over repeated samples. */
export class PeakRss {
  private readonly peaks = new Map<string, number>();

  /** Samples `pid` now under `name` (no-op when the pid is unknown or gone). */
  sample(name: string, pid: number | undefined): void {
    if (pid === undefined) return;
    const rss = readRssBytes(pid);
    if (rss !== undefined && rss > (this.peaks.get(name) ?? 0)) this.peaks.set(name, rss);
  }

  /** Peak RSS per process name. */
  values(): Record<string, number> {
    return Object.fromEntries(this.peaks);
  }
}
