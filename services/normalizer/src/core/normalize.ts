import type { NormalizeContext } from './map/normalize-context.js';
import { mapCmEvent } from './map/cm-mapper.js';
import { mapRtdsEvent } from './map/rtds-mapper.js';
import { mapTrackMessage } from './map/track-mapper.js';
import { exactJson } from './json-value.js';
import { reject, type NormalizeResult } from './normalize-result.js';
import type { RawInput } from './raw-input.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Normalizes one raw record: parses it with the schemas package, maps it to a DeviceEvent (kind, platform,
 * profile, identity, E.164 msisdn, locale, booleans, app registry, eventId, lineage). Never throws: bad
 * bytes, bad JSON and schema violations come back as coded rejections for the DLQ.
 */
export function normalizeRecord(input: RawInput, context: NormalizeContext): NormalizeResult {
  if (input.value === null || input.value.length === 0)
    return reject('RECORD_INVALID_JSON', 'the record has no value');
  let text: string;
  try {
    text = UTF8.decode(input.value);
  } catch {
    return reject('RECORD_INVALID_JSON', 'the record value is not UTF-8');
  }
  let json: unknown;
  let exact: unknown;
  try {
    json = JSON.parse(text);
    exact = exactJson(text, json);
  } catch (error) {
    return reject(
      'RECORD_INVALID_JSON',
      `not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  switch (input.source) {
    case 'airship-rtds':
    case 'airship-compliance':
      return mapRtdsEvent(input, json, exact, context);
    case 'cm-push':
      return mapCmEvent(input, json, exact, context);
    case 'track':
      return mapTrackMessage(input, json, exact, context);
  }
}
