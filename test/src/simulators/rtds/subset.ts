/** The `subset` of a request: a sample of the stream, or one partition of it. */
export type RtdsSubset =
  | { readonly type: 'SAMPLE'; readonly proportion: number }
  | { readonly type: 'PARTITION'; readonly count: number; readonly selection: number };

/** The subset of a request, or the reason for a `400`. */
export type SubsetResult =
  { readonly ok: true; readonly subset: RtdsSubset } | { readonly ok: false; readonly problem: string };

/** Validates a `subset` object per the spec's "Request subset" schema. */
export function parseSubset(value: unknown): SubsetResult {
  const object =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  if (object === undefined) return { ok: false, problem: 'subset must be an object' };
  const keys = Object.keys(object);
  if (object.type === 'SAMPLE') {
    const extra = keys.find((key) => key !== 'type' && key !== 'proportion');
    if (extra !== undefined) return { ok: false, problem: `subset has unexpected attribute "${extra}"` };
    const proportion = object.proportion;
    if (typeof proportion !== 'number' || proportion < 0 || proportion > 1)
      return { ok: false, problem: 'subset.proportion is required for SAMPLE and must be between 0 and 1' };
    return { ok: true, subset: { type: 'SAMPLE', proportion } };
  }
  if (object.type === 'PARTITION') {
    const extra = keys.find((key) => key !== 'type' && key !== 'count' && key !== 'selection');
    if (extra !== undefined) return { ok: false, problem: `subset has unexpected attribute "${extra}"` };
    const { count, selection } = object;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 1)
      return { ok: false, problem: 'subset.count is required for PARTITION and must be a positive integer' };
    if (typeof selection !== 'number' || !Number.isInteger(selection) || selection < 0 || selection >= count)
      return { ok: false, problem: 'subset.selection is required for PARTITION and must be less than count' };
    return { ok: true, subset: { type: 'PARTITION', count, selection } };
  }
  return { ok: false, problem: 'subset.type must be SAMPLE or PARTITION' };
}

/**
 * Whether an event with this subset key (its device, else push, else id) is in the subset. Hashing the key
 * keeps every event of a device — and every duplicate — in one partition, so PARTITION selections
 * 0..count-1 split the stream disjointly and completely, and SAMPLE is repeatable.
 */
export function inSubset(subset: RtdsSubset, key: string): boolean {
  if (subset.type === 'PARTITION') return fnv1a(key) % subset.count === subset.selection;
  return fnv1a(`sample:${key}`) / 0x1_0000_0000 < subset.proportion;
}

/**
 * 32-bit FNV-1a of the UTF-16 code units with MurmurHash3's final mix: stable across runs. The mix matters:
 * keys that differ only in their last character (`device-1`, `device-2`) would otherwise share high bits.
 */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
