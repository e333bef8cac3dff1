import type { AppSpec } from '../app-spec.js';
import { SIMULATED_LOCALES } from '../locales.js';
import { Prng } from '../prng.js';
import { randomUuid } from '../random-ids.js';
import type { ResolvedTrafficOptions } from '../resolve-options.js';

/** An email or SMS channel of the compliance stream. */
export interface ComplianceChannel {
  readonly index: number;
  readonly app: AppSpec;
  readonly kind: 'EMAIL' | 'SMS';
  /** Airship channel id. */
  readonly channel: string;
  /** Email address, or MSISDN digits for SMS. */
  readonly address: string;
  /** SMS sender (short or long code); the mail From address for email. */
  readonly sender: string;
  /** Named user, when the channel is associated with one. */
  readonly namedUser: string | undefined;
  /** When the channel registers. */
  readonly firstAt: number;
}

const SMS_SENDERS = ['15558675309', '3197010520000', '447860033066', '4915771234567'];

/** The email and SMS channels of the compliance stream, deterministic in the options. */
export function createComplianceChannels(options: ResolvedTrafficOptions): readonly ComplianceChannel[] {
  const rng = new Prng(options.seed, 'compliance-channels');
  const channels: ComplianceChannel[] = [];
  for (let index = 0; index < options.compliance.channels; index++) {
    const app = rng.pick(options.apps);
    const sms = rng.chance(options.compliance.smsShare);
    const locale = rng.pick(SIMULATED_LOCALES);
    const number = String(rng.int(1, 999_999)).padStart(6, '0');
    let subscriber = '';
    for (let digit = 0; digit < locale.subscriberDigits; digit++) subscriber += String(rng.int(0, 9));
    channels.push({
      index,
      app,
      kind: sms ? 'SMS' : 'EMAIL',
      channel: randomUuid(rng),
      address: sms
        ? `${locale.callingCode}${locale.mobilePrefix}${subscriber}`
        : `user${number}@example.${locale.country.toLowerCase()}`,
      sender: sms ? rng.pick(SMS_SENDERS) : `news@${app.name.toLowerCase()}.example.com`,
      namedUser: rng.chance(0.6) ? `cust-${number}` : undefined,
      firstAt: options.start + Math.floor(rng.between(0, options.lifecycle.installSpreadMs)),
    });
  }
  return channels;
}
