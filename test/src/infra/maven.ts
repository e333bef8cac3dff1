import { execFile } from 'node:child_process';

/** Runs Maven in batch, quiet mode; rejects with its output when it fails or runs out of time. */
export function runMaven(mavenCommand: string, args: readonly string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      mavenCommand,
      ['-q', '-B', '-Dstyle.color=never', ...args],
      { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error === null) {
          resolve();
          return;
        }
        const output = `${stdout}\n${stderr}`.trim().split('\n').slice(-40).join('\n');
        reject(
          new Error(`${mavenCommand} ${args.join(' ')} failed: ${error.message}\n${output}`, {
            cause: error,
          }),
        );
      },
    );
  });
}
