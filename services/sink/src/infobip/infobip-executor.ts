import { classifyInfobip } from '../core/infobip-errors.js';
import type { InfobipOperation } from '../core/infobip-plan.js';
import { infobipRequest } from '../core/infobip-request.js';
import { transportVerdict, type PartnerReply, type PartnerVerdict } from '../core/partner-verdict.js';
import { PushstreamError } from '@pushstream/runtime';
import { abortableSleep } from '../delivery/abortable-sleep.js';
import { deliver } from '../delivery/deliver.js';
import { instrumentedSend } from '../delivery/instrumented-send.js';
import type { PartnerFailure } from '../delivery/partner-failure.js';
import type { SyncContext } from '../delivery/sync-context.js';

/** How a device's Infobip plan ended. */
export type InfobipResult = { readonly ok: true } | { readonly ok: false; readonly failure: PartnerFailure };

/**
 * Runs the plan's calls in order for one registration (reference D.3): retryable failures are retried in
 * place by `deliver`; "registration not found" counts as done for disable/depersonalize and is otherwise
 * retried `notFoundRetries` times (SDK sync lag) before failing; PERSONALIZATION_IMPOSSIBLE is retried once
 * with forceDepersonalize=true when the app allows it; anything else permanent fails the device.
 */
export async function executeInfobipPlan(
  context: SyncContext,
  app: string,
  registrationId: string,
  operations: readonly InfobipOperation[],
): Promise<InfobipResult> {
  for (const operation of operations) {
    let forceDepersonalize = false;
    let notFoundTries = 0;
    for (;;) {
      let last: PartnerReply | undefined;
      const attempt = async (): Promise<PartnerVerdict> => {
        const account = context.partners.current().infobip[app];
        if (account === undefined)
          throw new PushstreamError('CONFIG_INVALID', `no infobip account for app ${app}`);
        await context.limiter.acquire(context.signal);
        const request = infobipRequest(registrationId, operation, account, { forceDepersonalize });
        last = await instrumentedSend(
          context.transport,
          context.metrics,
          { target: 'infobip', operation: operation.op },
          account.baseUrl,
          request,
        );
        return 'failure' in last ? transportVerdict(last) : classifyInfobip(last, context.now());
      };
      const outcome = await deliver(attempt, context.delivery);
      if (outcome.kind === 'ok') break;
      const fail = (failure: Omit<PartnerFailure, 'target' | 'operation' | 'reply'>): InfobipResult => ({
        ok: false,
        failure: { ...failure, target: 'infobip', operation: operation.op, reply: last },
      });
      if (outcome.kind === 'exhausted') {
        return fail({
          code: outcome.reason === 'rate-limited' ? 'PARTNER_RATE_LIMITED' : 'PARTNER_UNAVAILABLE',
          message: `infobip ${operation.op} of ${registrationId} failed ${outcome.attempts} times: ${outcome.detail}`,
          retryable: true,
        });
      }
      const { verdict } = outcome;
      if (verdict.kind === 'not-found') {
        if (
          operation.op === 'depersonalize' ||
          (operation.op === 'patch' && !operation.body.systemData.registrationEnabled)
        )
          break;
        if (notFoundTries < context.settings.notFoundRetries) {
          notFoundTries += 1;
          await abortableSleep(context.settings.notFoundRetryMs, context.signal);
          continue;
        }
        return fail({
          code: 'PARTNER_REJECTED',
          message: `infobip ${operation.op}: registration ${registrationId} not found after ${notFoundTries + 1} tries: ${verdict.detail}`,
          partnerCode: '48013',
          retryable: false,
        });
      }
      if (verdict.kind === 'personalization-impossible') {
        const account = context.partners.current().infobip[app];
        if (
          operation.op === 'personalize' &&
          !forceDepersonalize &&
          account?.forceDepersonalizeOnConflict === true
        ) {
          forceDepersonalize = true;
          continue;
        }
        return fail({
          code: 'PARTNER_REJECTED',
          message: `infobip ${operation.op} of ${registrationId}: ${verdict.detail}`,
          partnerCode: 'PERSONALIZATION_IMPOSSIBLE',
          retryable: false,
        });
      }
      return fail({
        code: verdict.kind === 'reject' ? verdict.code : 'PARTNER_REJECTED',
        message: `infobip ${operation.op} of ${registrationId} rejected: ${verdict.detail}`,
        ...(verdict.kind === 'reject' && verdict.partnerCode !== undefined
          ? { partnerCode: verdict.partnerCode }
          : {}),
        retryable: false,
      });
    }
  }
  return { ok: true };
}
