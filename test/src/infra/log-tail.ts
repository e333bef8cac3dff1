import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** The last `lines` lines of a (possibly large, possibly missing) log file, for error messages. */
export function logTail(file: string, lines = 40): string {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    const length = Math.min(size, 64 * 1024);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    const text = buffer.toString('utf8').replace(/\s+$/, '');
    return text.split('\n').slice(-lines).join('\n');
  } catch (error) {
    return `(no log at ${file}: ${error instanceof Error ? error.message : String(error)})`;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
