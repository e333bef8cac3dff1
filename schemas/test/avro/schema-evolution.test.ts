import avro from 'avsc';
import { describe, expect, it } from 'vitest';
import { AVRO_RECORDS, avroSchema, avroType } from '../../src/index.js';

type Json = Record<string, unknown>;

/**
 * The oldest schema the current one can have evolved from under BACKWARD compatibility: the same schema
 * without every field that has a default (the only fields a BACKWARD change may add). Until a version is
 * released and kept under schemas/avro/history/, this stands in for "the previous version".
 */
function withoutDefaultedFields(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutDefaultedFields);
  if (schema === null || typeof schema !== 'object') return schema;
  const node = { ...(schema as Json) };
  if (Array.isArray(node.fields)) {
    node.fields = (node.fields as Json[])
      .filter((field) => !('default' in field))
      .map((field) => ({ ...field, type: withoutDefaultedFields(field.type) }));
  }
  if (node.items !== undefined) node.items = withoutDefaultedFields(node.items);
  if (node.values !== undefined) node.values = withoutDefaultedFields(node.values);
  return node;
}

/** Field names of the previous version that must survive a round trip, at the top level. */
function keptFields(previous: avro.Type): string[] {
  return (previous as avro.types.RecordType).fields.map((field) => field.name);
}

function isRecordValue(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !Buffer.isBuffer(value);
}

describe.each(AVRO_RECORDS)('%s schema evolution', (name) => {
  const current = avroType(name);
  const previous = avro.Type.forSchema(withoutDefaultedFields(avroSchema(name)) as avro.Schema);

  it('has something to evolve from (the previous version differs from the current one)', () => {
    expect(previous.fingerprint('sha256').equals(current.fingerprint('sha256'))).toBe(false);
  });

  it('decodes data written with the previous version using the current one (defaults filled)', () => {
    for (let i = 0; i < 50; i += 1) {
      const old = previous.random() as unknown as Json;
      const decoded = current.fromBuffer(previous.toBuffer(old), current.createResolver(previous)) as Json;
      // Nested records gain their own defaulted fields: what the old writer wrote must be kept.
      for (const field of keptFields(previous))
        expect(decoded[field]).toEqual(
          isRecordValue(old[field]) ? expect.objectContaining(old[field]) : old[field],
        );
      expect(current.isValid(decoded)).toBe(true);
    }
  });

  it('decodes data written with the current version using the previous one (new fields skipped)', () => {
    for (let i = 0; i < 50; i += 1) {
      const value = current.random() as unknown as Json;
      const decoded = previous.fromBuffer(current.toBuffer(value), previous.createResolver(current)) as Json;
      expect(previous.isValid(decoded)).toBe(true);
      for (const field of keptFields(previous)) {
        // A nested record lost its defaulted fields on the way: compare only what the old reader keeps.
        const nested = isRecordValue(decoded[field]);
        if (nested) expect(value[field]).toEqual(expect.objectContaining(decoded[field] as Json));
        else expect(decoded[field]).toEqual(value[field]);
      }
    }
  });
});
