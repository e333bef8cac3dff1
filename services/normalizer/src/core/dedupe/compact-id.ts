const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const UUID_MARK = '\u0001';
const RAW_MARK = '\u0000';

/**
 * The in-memory form of an event id: a lower-case UUID (RTDS ids, Segment messageIds, derived ids) becomes
 * its 16 bytes as a one-byte string behind a marker (17 characters instead of 36); any other id is kept,
 * escaped when it could be mistaken for a packed one. Injective, so two ids never share a form.
 */
export function compactId(id: string): string {
  if (id.length === 36 && CANONICAL_UUID.test(id)) {
    // Built in one buffer: concatenating the marker would leave a cons string (two heap objects) as the key.
    const bytes = Buffer.allocUnsafe(17);
    bytes[0] = UUID_MARK.charCodeAt(0);
    bytes.write(id.replaceAll('-', ''), 1, 'hex');
    return bytes.toString('latin1');
  }
  return id.startsWith(UUID_MARK) || id.startsWith(RAW_MARK) ? RAW_MARK + id : id;
}
