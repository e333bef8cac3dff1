/**
 * Generates the committed TypeScript types in `src/generated/` from `avro/*.avsc`.
 *   npm run generate -w @pushstream/schemas
 * A unit test renders them again and fails when the committed files differ (drift).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { toTypeScript } from '@ovotech/avro-ts';
import type { Schema } from 'avsc';

const AVRO_DIR = new URL('../avro/', import.meta.url);
const GENERATED_DIR = new URL('../src/generated/', import.meta.url);

/** The generated module of every `.avsc` file: file name → TypeScript source. */
export function renderAvroTypes(): Map<string, string> {
  const modules = new Map<string, string>();
  for (const file of readdirSync(AVRO_DIR)
    .filter((name) => name.endsWith('.avsc'))
    .sort()) {
    const schema = JSON.parse(readFileSync(new URL(file, AVRO_DIR), 'utf8')) as Schema;
    const header = `// Generated from schemas/avro/${file} by schemas/scripts/generate-avro-types.ts. Do not edit.\n`;
    // avsc decodes timestamp-millis as a plain number of ms unless a logical type is registered.
    const body = toTypeScript(schema, { logicalTypes: { 'timestamp-millis': 'number' } });
    modules.set(file.replace(/\.avsc$/, '.ts'), `${header}${body}\n`);
  }
  return modules;
}

/** Writes the generated modules. */
export function writeAvroTypes(): string[] {
  const written: string[] = [];
  for (const [file, source] of renderAvroTypes()) {
    writeFileSync(new URL(file, GENERATED_DIR), source);
    written.push(file);
  }
  return written;
}

if (import.meta.main) {
  console.log(`generated ${writeAvroTypes().join(', ')} in schemas/src/generated/`);
}
