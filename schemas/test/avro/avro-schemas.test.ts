import avro from 'avsc';
import { describe, expect, it } from 'vitest';
import {
  AVRO_RECORDS,
  TOPOLOGY,
  avroRecordOf,
  avroSchema,
  avroType,
  type AvroRecordName,
} from '../../src/index.js';

type Json = Readonly<Record<string, unknown>>;

/** Every named type (record, enum) defined anywhere inside a schema, by full name. */
function namedTypes(schema: unknown, namespace = '', found = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(schema)) {
    for (const branch of schema) namedTypes(branch, namespace, found);
    return found;
  }
  if (schema === null || typeof schema !== 'object') return found;
  const node = schema as Json;
  const ns = typeof node.namespace === 'string' ? node.namespace : namespace;
  if ((node.type === 'record' || node.type === 'enum') && typeof node.name === 'string') {
    const fullName = node.name.includes('.') ? node.name : `${ns}.${node.name}`;
    found.set(fullName, JSON.stringify(node));
  }
  if (Array.isArray(node.fields))
    for (const field of node.fields as Json[]) namedTypes(field.type, ns, found);
  if (node.items !== undefined) namedTypes(node.items, ns, found);
  if (node.values !== undefined) namedTypes(node.values, ns, found);
  return found;
}

function undocumentedFields(schema: unknown, path = ''): string[] {
  if (Array.isArray(schema)) return schema.flatMap((branch) => undocumentedFields(branch, path));
  if (schema === null || typeof schema !== 'object') return [];
  const node = schema as Json;
  if (!Array.isArray(node.fields)) return [];
  return (node.fields as Json[]).flatMap((field) => {
    const here = `${path}${String(field.name)}`;
    const own = typeof field.doc === 'string' && field.doc.length > 0 ? [] : [here];
    return [...own, ...undocumentedFields(field.type, `${here}.`)];
  });
}

describe('Avro schemas', () => {
  it.each(AVRO_RECORDS)('%s parses, is in the pushstream namespace and documents every field', (name) => {
    const type = avroType(name);
    expect(type.name).toBe(`pushstream.${name}`);
    expect(avroSchema(name).doc).toEqual(expect.any(String));
    expect(undocumentedFields(avroSchema(name))).toEqual([]);
  });

  it('define each shared named type identically wherever it appears', () => {
    const definitions = new Map<string, Set<string>>();
    for (const name of AVRO_RECORDS) {
      for (const [fullName, json] of namedTypes(avroSchema(name))) {
        definitions.set(fullName, (definitions.get(fullName) ?? new Set()).add(json));
      }
    }
    const divergent = [...definitions]
      .filter(([, variants]) => variants.size > 1)
      .map(([fullName]) => fullName);
    expect(divergent).toEqual([]);
    expect([...definitions.keys()]).toEqual(
      expect.arrayContaining([
        'pushstream.Source',
        'pushstream.Platform',
        'pushstream.DeviceProfile',
        'pushstream.Identity',
      ]),
    );
  });

  it('cover every Avro topic of the topology', () => {
    const referenced = TOPOLOGY.flatMap((topic) =>
      topic.value.format === 'avro' ? [avroRecordOf(topic.value.schema)] : [],
    );
    expect(new Set(referenced)).toEqual(new Set<AvroRecordName>(AVRO_RECORDS));
  });

  it('map unknown enum symbols to the declared default, so readers survive new symbols', () => {
    const writer = avroType('DeviceSession');
    const older = structuredClone(avroSchema('DeviceSession')) as {
      fields: { name: string; type: { symbols?: string[] } }[];
    };
    const closeReason = older.fields.find((field) => field.name === 'closeReason');
    closeReason?.type.symbols?.splice(closeReason.type.symbols.indexOf('SWEEP'), 1);
    const reader = avro.Type.forSchema(older as avro.Schema);
    const value = { ...(writer.random() as unknown as Json), closeReason: 'SWEEP' };
    const decoded = reader.fromBuffer(writer.toBuffer(value), reader.createResolver(writer)) as Json;
    expect(decoded.closeReason).toBe('OTHER');
  });
});
