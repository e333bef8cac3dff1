import { readFileSync } from 'node:fs';
import avro from 'avsc';

/** The Avro records pushstream writes, one `.avsc` file each in `schemas/avro/`. */
export const AVRO_RECORDS = [
  'DeviceEvent',
  'DeviceState',
  'DeviceSession',
  'SinkAck',
  'ConnectorCheckpoint',
  'DeviceOpenSessions',
] as const;
/** The short name of one of pushstream's Avro records. */
export type AvroRecordName = (typeof AVRO_RECORDS)[number];

/** An Avro schema as parsed JSON. */
export type AvroSchemaJson = Readonly<Record<string, unknown>>;

// Resolves from src/avro (vitest) and dist/avro (built) alike: both are two levels below the package.
const AVRO_DIR = new URL('../../avro/', import.meta.url);

const schemas = new Map<AvroRecordName, AvroSchemaJson>();
const types = new Map<AvroRecordName, avro.Type>();

/** The parsed `.avsc` of a record (read once). */
export function avroSchema(name: AvroRecordName): AvroSchemaJson {
  let schema = schemas.get(name);
  if (schema === undefined) {
    schema = JSON.parse(readFileSync(new URL(`${name}.avsc`, AVRO_DIR), 'utf8')) as AvroSchemaJson;
    schemas.set(name, schema);
  }
  return schema;
}

/** The avsc Type of a record (built once), for local encoding, validation and schema resolution. */
export function avroType(name: AvroRecordName): avro.Type {
  let type = types.get(name);
  if (type === undefined) {
    type = avro.Type.forSchema(avroSchema(name) as avro.Schema);
    types.set(name, type);
  }
  return type;
}

/** The record name (`DeviceEvent`) behind a topology value schema (`pushstream.DeviceEvent`). */
export function avroRecordOf(fullName: string): AvroRecordName {
  const short = fullName.slice(fullName.lastIndexOf('.') + 1);
  const found = AVRO_RECORDS.find((name) => name === short);
  if (found === undefined) throw new Error(`no Avro record ${fullName} in schemas/avro`);
  return found;
}
