import { isoTime } from '../iso-time.js';
import type { Prng } from '../prng.js';
import type { ComplianceChannel } from './compliance-channels.js';
import type { ComplianceStep } from './compliance-step.js';

type EmailKind = 'update' | 'opt_in' | 'unsubscribe' | 'bounce' | 'unbounce' | 'create_and_send';

/** The event that registers an email channel: a `registration` create, or a `create_and_send` that made it. */
export function emailRegistration(rng: Prng, channel: ComplianceChannel, at: number): ComplianceStep {
  const identifiers = { address: channel.address };
  if (rng.chance(0.3)) {
    // The spec's examples send this boolean as a string, too.
    const registered = rng.chance(0.5) ? true : 'true';
    return {
      at,
      body: {
        event_type: 'create_and_send',
        identifiers,
        properties: {
          channel_registered: registered,
          commercial_opted_in: isoTime(at),
          transactional_opted_in: isoTime(at),
        },
      },
      effect: 'install',
    };
  }
  return {
    at,
    body: {
      event_type: 'registration',
      identifiers,
      properties: {
        registration_type: 'create',
        commercial_opted_in: isoTime(at),
        suppression_state: 'none',
      },
    },
    effect: 'install',
  };
}

/** One event in the life of a registered email channel. */
export function emailStep(rng: Prng, channel: ComplianceChannel, at: number): ComplianceStep {
  const identifiers = { address: channel.address };
  const kind = rng.weighted<EmailKind>({
    update: 0.25,
    opt_in: 0.15,
    unsubscribe: 0.15,
    bounce: 0.2,
    unbounce: 0.05,
    create_and_send: 0.2,
  });
  const registration = (properties: Record<string, unknown>): ComplianceStep => ({
    at,
    body: { event_type: 'registration', identifiers, properties },
    effect: 'none',
  });
  switch (kind) {
    case 'update':
      return registration({ registration_type: 'update', commercial_opted_in: isoTime(at) });
    case 'opt_in':
      return registration({ registration_type: 'opt_in', commercial_opted_in: isoTime(at), source: 'ui' });
    case 'unsubscribe':
      return registration({ registration_type: 'unsubscribe', message_type: 'commercial' });
    case 'unbounce':
      return registration({ registration_type: 'unbounce', suppression_state: 'none' });
    case 'bounce': {
      const bounceClass = rng.int(1, 100);
      return {
        at,
        body: {
          event_type: 'bounce',
          properties: {
            bounce_class: rng.chance(0.2) ? String(bounceClass) : bounceClass,
            bounce_event_type: 'bounce',
            email: channel.address,
            sender: channel.sender,
            subject: rng.pick(['Your weekly digest', 'Order confirmation', 'We miss you']),
          },
        },
        effect: 'none',
      };
    }
    case 'create_and_send':
      return {
        at,
        body: { event_type: 'create_and_send', identifiers, properties: { channel_registered: false } },
        effect: 'none',
      };
  }
}
