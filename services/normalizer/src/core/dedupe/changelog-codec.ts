/** One changelog record of the dedupe window: key = the event id, value = when it was remembered. */
export interface ChangelogEntry {
  readonly eventId: string;
  /** Stream time (ms) at which the id was remembered. */
  readonly rememberedAtMs: number;
}

/** The changelog record of a remembered id (decimal ASCII value: readable with any console consumer). */
export function encodeChangelogEntry(entry: ChangelogEntry): { key: string; value: string } {
  return { key: entry.eventId, value: String(Math.trunc(entry.rememberedAtMs)) };
}

/** Reads a changelog record back; undefined for a record that is not one (it is skipped, not fatal). */
export function decodeChangelogEntry(key: Buffer | null, value: Buffer | null): ChangelogEntry | undefined {
  if (key === null || value === null) return undefined;
  const rememberedAtMs = Number(value.toString('latin1'));
  if (!Number.isFinite(rememberedAtMs)) return undefined;
  return { eventId: key.toString('utf8'), rememberedAtMs };
}
