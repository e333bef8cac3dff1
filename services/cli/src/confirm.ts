import { PushstreamError } from '@pushstream/runtime';
import { UsageError } from './core/usage-error.js';
import type { CliIo } from './io.js';

/**
 * Asks before a change: `--yes` skips the question; without a terminal to ask on, the change is refused
 * (usage error) rather than made silently; a "no" ends the command with OPERATION_ABORTED.
 */
export async function confirmChange(io: CliIo, yes: boolean, question: string): Promise<void> {
  if (yes) return;
  if (io.confirm === undefined)
    throw new UsageError(`${question} Not confirmed: pass --yes to run this without a terminal`);
  if (!(await io.confirm(question)))
    throw new PushstreamError('OPERATION_ABORTED', 'aborted: nothing was changed');
}
