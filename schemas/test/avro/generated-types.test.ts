import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderAvroTypes } from '../../scripts/generate-avro-types.js';
import { AVRO_RECORDS } from '../../src/index.js';

describe('generated Avro types', () => {
  const rendered = renderAvroTypes();

  it('exist for every Avro record and nothing else', () => {
    expect([...rendered.keys()].sort()).toEqual(AVRO_RECORDS.map((name) => `${name}.ts`).sort());
  });

  it.each([...rendered])(
    'src/generated/%s matches its .avsc (run `npm run generate -w @pushstream/schemas`)',
    (file, source) => {
      const committed = readFileSync(new URL(`../../src/generated/${file}`, import.meta.url), 'utf8');
      expect(committed).toBe(source);
    },
  );
});
