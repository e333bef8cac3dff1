import { isoTime } from '../iso-time.js';
import type { Prng } from '../prng.js';
import type { ResolvedTrafficOptions } from '../resolve-options.js';
import type { ScriptStep, SessionAction } from '../script-step.js';
import { BIG_VALUE_MARK, bigCustomValue } from './big-custom-value.js';
import { timedPushRef } from './push-bodies.js';
import type { RtdsEventSpec } from './rtds-event-spec.js';

/**
 * The RTDS events of a session: OPEN (WEB_SESSION on the web), with `triggering_push` when a push opened
 * it, the SCREEN_VIEWED / CUSTOM / LOCATION events inside it, and the CLOSE (apps only), often latent.
 */
export function sessionEvents(
  step: Extract<ScriptStep, { kind: 'session' }>,
  web: boolean,
  rng: Prng,
  options: ResolvedTrafficOptions['rtds'],
): RtdsEventSpec[] {
  const sessionId = step.sessionId;
  const push = step.triggeringPush;
  const pushFields =
    push === undefined
      ? {}
      : {
          triggering_push: timedPushRef(push),
          last_delivered: { push_id: push.pushId, time: isoTime(push.sentAt) },
        };
  const specs: RtdsEventSpec[] = [
    {
      type: web ? 'WEB_SESSION' : 'OPEN',
      at: step.at,
      device: 'full',
      body: { session_id: sessionId, ...pushFields },
      effect: 'open',
    },
  ];
  for (const action of step.actions) specs.push(actionEvent(action, sessionId, rng, options));
  if (!web) {
    const latent = rng.chance(options.latentCloseRate);
    specs.push({ type: 'CLOSE', at: step.endAt, device: 'full', body: { session_id: sessionId }, latent });
  }
  return specs;
}

function actionEvent(
  action: SessionAction,
  sessionId: string,
  rng: Prng,
  options: ResolvedTrafficOptions['rtds'],
): RtdsEventSpec {
  switch (action.kind) {
    case 'screen':
      return {
        type: 'SCREEN_VIEWED',
        at: action.at,
        device: 'full',
        body: {
          viewed_screen: action.screen,
          ...(action.previousScreen === undefined ? {} : { previous_screen: action.previousScreen }),
          duration: action.durationMs,
          session_id: sessionId,
        },
      };
    case 'location':
      return {
        type: 'LOCATION',
        at: action.at,
        device: 'full',
        body: {
          latitude: action.latitude,
          longitude: action.longitude,
          foreground: true,
          session_id: sessionId,
        },
      };
    case 'custom':
      return customEvent(action, sessionId, rng, options);
  }
}

function customEvent(
  action: Extract<SessionAction, { kind: 'custom' }>,
  sessionId: string,
  rng: Prng,
  options: ResolvedTrafficOptions['rtds'],
): RtdsEventSpec {
  const bigValue = rng.chance(options.bigCustomValueRate) ? bigCustomValue(rng) : undefined;
  const value = bigValue === undefined ? action.amount : BIG_VALUE_MARK;
  const properties = {
    product_id: `sku-${rng.int(1000, 9999)}`,
    currency: 'EUR',
    is_member: rng.chance(0.5) ? 'true' : 'false',
  };
  // The spec's own CUSTOM example puts `source` and `session_id` next to `body`.
  const outside = rng.chance(0.1);
  return {
    type: 'CUSTOM',
    at: action.at,
    device: 'full',
    body: {
      name: action.name,
      ...(value === undefined ? {} : { value }),
      ...(outside ? {} : { source: 'SDK', session_id: sessionId }),
      properties,
    },
    extras: outside ? { source: 'SDK', session_id: sessionId } : undefined,
    bigValue,
  };
}
