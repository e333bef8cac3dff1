import type { SinkAck, SinkTarget } from '@pushstream/schemas';
import { canonicalJson } from './canonical-json.js';
import type { AckedState } from './sync-decision.js';

/**
 * The acknowledgement record written after the partner's 2xx: the desired state it now holds (canonical
 * JSON), its hash, and when a registration was last sent — kept from the previous acknowledgement when
 * this one needed no call.
 */
export function sinkAck(options: {
  readonly deviceKey: string;
  readonly target: SinkTarget;
  readonly registrationId: string | null;
  readonly desired: unknown;
  readonly hash: string;
  readonly stateVersion: number;
  readonly nowMs: number;
  /** Calls were made for it (a registration was sent). */
  readonly sent: boolean;
  readonly previousSentAt: number | undefined;
}): SinkAck {
  return {
    deviceKey: options.deviceKey,
    target: options.target,
    registrationId: options.registrationId,
    desiredHash: options.hash,
    acknowledged: canonicalJson(options.desired),
    stateVersion: options.stateVersion,
    acknowledgedAt: options.nowMs,
    lastSentAt: options.sent ? options.nowMs : (options.previousSentAt ?? options.nowMs),
  };
}

/**
 * What an acknowledgement record says the partner holds; undefined when its JSON is not a state `parse`
 * accepts (a record from an incompatible version is treated as "partner state unknown").
 */
export function ackedStateOf<Desired>(
  ack: Pick<SinkAck, 'desiredHash' | 'acknowledged' | 'lastSentAt' | 'stateVersion'>,
  parse: (value: unknown) => Desired | undefined,
): AckedState<Desired> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(ack.acknowledged);
  } catch {
    return undefined;
  }
  const desired = parse(value);
  return desired === undefined
    ? undefined
    : { hash: ack.desiredHash, desired, lastSentAt: ack.lastSentAt, stateVersion: ack.stateVersion };
}
