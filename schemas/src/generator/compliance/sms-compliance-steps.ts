import type { LifecycleEffect } from '../device-truth.js';
import { isoTime, SECOND } from '../iso-time.js';
import type { Prng } from '../prng.js';
import type { ComplianceChannel } from './compliance-channels.js';
import type { ComplianceStep } from './compliance-step.js';

/** What can happen to a registered SMS channel. */
export type SmsKind =
  | 'mobile_terminated_message'
  | 'mobile_keyword_matched'
  | 'mobile_keyword_unmatched'
  | 'custom_keyword_response'
  | 'mobile_opt_out'
  | 'mobile_opt_in'
  | 'opted_out'
  | 'update'
  | 'uninstall'
  | 'carrier_deactivation';

function smsIdentifiers(rng: Prng, channel: ComplianceChannel): Record<string, unknown> {
  // The spec's examples write the sender as a JSON number, too.
  return { msisdn: channel.address, sender: rng.chance(0.1) ? Number(channel.sender) : channel.sender };
}

/** The events that register an SMS channel, one of the four ways the spec documents. */
export function smsRegistration(rng: Prng, channel: ComplianceChannel, at: number): ComplianceStep[] {
  const identifiers = smsIdentifiers(rng, channel);
  const optIn = (time: number): ComplianceStep => ({
    at: time,
    body: {
      event_type: 'mobile_opt_in',
      identifiers,
      properties: { inbound_message: 'START', keyword: 'START' },
    },
    effect: 'none',
  });
  const roll = rng.float();
  if (roll < 0.5) {
    return [
      {
        at,
        body: {
          event_type: 'registration',
          identifiers,
          properties: { registration_type: 'create', opted_in: isoTime(at) },
        },
        effect: 'install',
      },
    ];
  }
  if (roll < 0.7) {
    return [
      {
        at,
        body: {
          event_type: 'mobile_create_channel',
          identifiers,
          properties: { inbound_message: 'JOIN', registration_type: 'create' },
        },
        effect: 'install',
      },
      optIn(at + rng.int(SECOND, 60 * SECOND)),
    ];
  }
  if (roll < 0.85) {
    return [
      { at, body: { event_type: 'api_initiate_opt_in', identifiers }, effect: 'install' },
      optIn(at + rng.int(SECOND, 600 * SECOND)),
    ];
  }
  return [
    {
      at,
      body: {
        event_type: 'create_and_send',
        identifiers,
        properties: { channel_registered: true, opted_in: isoTime(at) },
      },
      effect: 'install',
    },
  ];
}

/** One event of kind `kind` in the life of a registered SMS channel. */
export function smsStep(rng: Prng, channel: ComplianceChannel, at: number, kind: SmsKind): ComplianceStep {
  const identifiers = smsIdentifiers(rng, channel);
  const event = (
    eventType: string,
    properties?: Record<string, unknown>,
    effect: LifecycleEffect = 'none',
  ): ComplianceStep => ({
    at,
    body: { event_type: eventType, identifiers, ...(properties === undefined ? {} : { properties }) },
    effect,
  });
  switch (kind) {
    case 'mobile_terminated_message':
    case 'opted_out':
      return event(kind);
    case 'mobile_keyword_matched':
      return event(kind, {
        inbound_message: 'INFO',
        keyword: 'INFO',
        outbound_message: 'Reply STOP to opt out.',
      });
    case 'mobile_keyword_unmatched':
      return event(kind, { inbound_message: rng.pick(['hello', 'where is my order', '?']) });
    case 'custom_keyword_response':
      return event(kind, { inbound_message: 'DEALS', outbound_message: 'Today: 20% off everything.' });
    case 'mobile_opt_out': {
      const keyword = rng.pick(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'ARRET']);
      return event(kind, { inbound_message: keyword, keyword });
    }
    case 'mobile_opt_in':
      return event(kind, { inbound_message: 'START', keyword: 'START' });
    case 'update':
      return event('registration', { registration_type: 'update', opted_in: isoTime(at) });
    case 'uninstall':
      return event(kind, undefined, 'unregister');
    case 'carrier_deactivation':
      return {
        at,
        body: { event_type: kind, identifiers: { msisdn: channel.address } },
        effect: 'unregister',
      };
  }
}
