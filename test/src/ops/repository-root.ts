import path from 'node:path';
import { testKitRoot } from '../infra/package-paths.js';

/** The checkout's root directory (the parent of the test-kit package). */
export function repositoryRoot(): string {
  return path.resolve(testKitRoot(), '..');
}
