import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = '@pushstream/test-kit';

let cachedRoot: string | undefined;

/**
 * The test-kit package directory (the one holding its package.json), found by walking up from this module,
 * so the same code works from `src/` under Vitest and from `dist/` after the build.
 */
export function testKitRoot(): string {
  if (cachedRoot !== undefined) return cachedRoot;
  let dir = path.resolve(fileURLToPath(new URL('.', import.meta.url)));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && readPackageName(manifest) === PACKAGE_NAME) {
      cachedRoot = dir;
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new Error(`cannot find the ${PACKAGE_NAME} package above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

/** Absolute path of a non-TypeScript asset under `test/infra/`. */
export function infraAssetPath(...segments: string[]): string {
  return path.join(testKitRoot(), 'infra', ...segments);
}

function readPackageName(manifest: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'name' in parsed &&
      typeof parsed.name === 'string'
    ) {
      return parsed.name;
    }
  } catch {
    // An unreadable manifest is just not ours.
  }
  return undefined;
}
