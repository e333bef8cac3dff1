import { HEADERS } from '@pushstream/runtime';
import type { ReadRecord } from '@pushstream/test-kit';

/**
 * Device keys whose records, at their first landing, are not in RTDS stream order (offsets are numeric in
 * the simulator). A reconnect may land a tail again; only first landings count. Also returns how many
 * distinct lines landed.
 */
export function outOfOrderDevices(records: readonly ReadRecord[]): {
  devices: string[];
  distinctLines: number;
} {
  const firstSeen = new Map<string, bigint[]>();
  const landed = new Set<string>();
  for (const record of records) {
    const offset = record.headers[HEADERS.rtdsOffset] ?? '';
    if (landed.has(offset)) continue;
    landed.add(offset);
    const key = record.key ?? '';
    const offsets = firstSeen.get(key) ?? [];
    offsets.push(BigInt(offset));
    firstSeen.set(key, offsets);
  }
  const devices = [...firstSeen]
    .filter(([, offsets]) => offsets.some((offset, i) => i > 0 && offset <= (offsets[i - 1] ?? 0n)))
    .map(([key]) => key);
  return { devices, distinctLines: landed.size };
}
