import { SECOND } from '../iso-time.js';
import { Prng } from '../prng.js';
import type { ResolvedTrafficOptions } from '../resolve-options.js';
import type { ComplianceChannel } from './compliance-channels.js';
import type { ComplianceStep } from './compliance-step.js';
import { emailRegistration, emailStep } from './email-compliance-steps.js';
import { smsRegistration, smsStep, type SmsKind } from './sms-compliance-steps.js';

/**
 * The life of an email or SMS channel as COMPLIANCE bodies (reference/rtds.md C2): registration, opt-ins
 * and opt-outs, keywords, bounces; SMS channels may be uninstalled or deactivated by the carrier, and come
 * back with a new registration. Lazy and endless unless the channel leaves for good.
 */
export function* complianceScript(
  channel: ComplianceChannel,
  options: ResolvedTrafficOptions,
): Generator<ComplianceStep, void> {
  const rng = new Prng(options.seed, 'compliance-script', channel.index);
  const gap = (): number =>
    Math.max(SECOND, Math.floor(rng.exponential(2 * options.lifecycle.meanStepGapMs)));
  let at = channel.firstAt;
  if (channel.kind === 'EMAIL') {
    yield emailRegistration(rng, channel, at);
    for (;;) {
      at += gap();
      yield emailStep(rng, channel, at);
    }
  }
  for (;;) {
    for (const step of smsRegistration(rng, channel, at)) {
      at = step.at;
      yield step;
    }
    let optedIn = true;
    for (;;) {
      at += gap();
      const kind = rng.weighted<SmsKind>({
        mobile_terminated_message: optedIn ? 0.4 : 0,
        mobile_keyword_matched: 0.1,
        mobile_keyword_unmatched: 0.05,
        custom_keyword_response: 0.05,
        mobile_opt_out: optedIn ? 0.08 : 0,
        mobile_opt_in: optedIn ? 0 : 0.2,
        opted_out: optedIn ? 0.03 : 0,
        update: 0.05,
        uninstall: 0.02,
        carrier_deactivation: 0.01,
      });
      if (kind === 'mobile_opt_out' || kind === 'opted_out') optedIn = false;
      if (kind === 'mobile_opt_in') optedIn = true;
      yield smsStep(rng, channel, at, kind);
      if (kind === 'uninstall' || kind === 'carrier_deactivation') break;
    }
    if (!rng.chance(options.lifecycle.reinstallRate)) return;
    at += Math.max(SECOND, Math.floor(rng.exponential(options.lifecycle.meanReinstallGapMs)));
  }
}
