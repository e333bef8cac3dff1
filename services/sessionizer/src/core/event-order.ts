/**
 * 32-bit FNV-1a hash of a string as a signed int (an Avro `int`): tells a duplicate of an event from a
 * distinct event at the same millisecond without keeping the whole id.
 */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

/** True when (atA, idA) comes after (atB, idB): later event time, ties broken by the greater id. */
export function isLater(atA: number, idA: string, atB: number, idB: string): boolean {
  return atA > atB || (atA === atB && idA > idB);
}
