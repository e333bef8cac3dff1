/**
 * Writes the topic catalog from the topology declaration: `docs/asyncapi.json` and `docs/topics.md`.
 *   npm run generate -w @pushstream/schemas
 * A unit test renders both again and fails when the committed files differ.
 */
import { readFileSync, writeFileSync } from 'node:fs';
// The package's own build (self-reference), so plain Node runs this script without a TypeScript loader.
import { TOPOLOGY, renderAsyncApi, renderTopicsPage } from '@pushstream/schemas';

const DOCS_DIR = new URL('../../docs/', import.meta.url);

/** The catalog files: name in docs/ → content. */
export function renderCatalog(): Map<string, string> {
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return new Map([
    ['asyncapi.json', `${JSON.stringify(renderAsyncApi(TOPOLOGY, { version }), null, 2)}\n`],
    ['topics.md', renderTopicsPage(TOPOLOGY)],
  ]);
}

if (import.meta.main) {
  for (const [file, content] of renderCatalog()) writeFileSync(new URL(file, DOCS_DIR), content);
  console.log('generated docs/asyncapi.json and docs/topics.md');
}
