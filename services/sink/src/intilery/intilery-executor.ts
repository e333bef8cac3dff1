import type { IntileryItem } from '../core/intilery-plan.js';
import type { PartnerReply } from '../core/partner-verdict.js';
import { deliver } from '../delivery/deliver.js';
import type { PartnerFailure } from '../delivery/partner-failure.js';
import type { SyncContext } from '../delivery/sync-context.js';
import type { IntileryBatcher } from './intilery-batcher.js';

/** How a device's Intilery items ended. */
export type IntileryResult = { readonly ok: true } | { readonly ok: false; readonly failure: PartnerFailure };

/**
 * Sends one device's items (identify before register push, in one request) through the batcher, retried
 * in place as a unit; a permanent refusal fails the device with Intilery's response.
 */
export async function executeIntileryItems(
  context: SyncContext,
  batcher: IntileryBatcher,
  app: string,
  items: readonly IntileryItem[],
): Promise<IntileryResult> {
  if (items.length === 0) return { ok: true };
  let last: PartnerReply | undefined;
  let operation = 'batch';
  const outcome = await deliver(async () => {
    const answer = await batcher.submit(app, items);
    last = answer.reply;
    operation = answer.operation;
    return answer.verdict;
  }, context.delivery);
  if (outcome.kind === 'ok') return { ok: true };
  const events = items.map((item) => item.event).join(' + ');
  if (outcome.kind === 'exhausted') {
    return {
      ok: false,
      failure: {
        code: outcome.reason === 'rate-limited' ? 'PARTNER_RATE_LIMITED' : 'PARTNER_UNAVAILABLE',
        target: 'intilery',
        operation,
        message: `intilery ${events} failed ${outcome.attempts} times: ${outcome.detail}`,
        reply: last,
        retryable: true,
      },
    };
  }
  return {
    ok: false,
    failure: {
      code: 'PARTNER_REJECTED',
      target: 'intilery',
      operation,
      message: `intilery ${events} rejected: ${outcome.verdict.detail}`,
      reply: last,
      retryable: false,
    },
  };
}
