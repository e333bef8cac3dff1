import { describe, expect, it } from 'vitest';
import { RTDS_FIXTURES } from '../../src/fixtures/index.js';
import { RTDS_EVENT_TYPES, RTDS_KNOWN_TYPES } from '../../src/raw/rtds/event-types.js';
import { parseRtdsLine } from '../../src/raw/rtds/parse-rtds-line.js';
import { RTDS_EVENT_SCHEMAS } from '../../src/raw/rtds/rtds-event.js';
import { expectOutcome } from './expect-outcome.js';
import { fieldAt } from './field-at.js';

describe('every RTDS example of the seed and reference parses', () => {
  it.each(RTDS_FIXTURES.map((fixture) => [fixture.name, fixture] as const))('%s', (_name, fixture) => {
    expectOutcome(parseRtdsLine(fixture.text), fixture.expected, (event) => fieldAt(event, 'type'));
  });
});

describe('the RTDS event catalogue', () => {
  it('lists the 43 documented types once each, and a schema for each plus OFFSET_UPDATE', () => {
    expect(RTDS_EVENT_TYPES).toHaveLength(43);
    expect(new Set(RTDS_EVENT_TYPES).size).toBe(43);
    expect(Object.keys(RTDS_EVENT_SCHEMAS).sort()).toEqual([...RTDS_KNOWN_TYPES].sort());
  });

  it('has a parsing example for every known type', () => {
    const covered = new Set(
      RTDS_FIXTURES.filter((fixture) => fixture.expected.ok).map((fixture) =>
        fieldAt(fixture.expected, 'type'),
      ),
    );
    expect(RTDS_KNOWN_TYPES.filter((type) => !covered.has(type))).toEqual([]);
  });

  it('has a parsing example for every COMPLIANCE sub-event', () => {
    const seen = new Set(
      RTDS_FIXTURES.flatMap((fixture) => {
        const result = parseRtdsLine(fixture.text);
        if (!result.ok || result.event.type !== 'COMPLIANCE') return [];
        return [
          `${String(fieldAt(result.event, 'device.device_type'))}:${String(fieldAt(result.event, 'body.event_type'))}`,
        ];
      }),
    );
    expect([...seen].sort()).toEqual([
      'EMAIL:bounce',
      'EMAIL:create_and_send',
      'EMAIL:registration',
      'SMS:api_initiate_opt_in',
      'SMS:carrier_deactivation',
      'SMS:create_and_send',
      'SMS:custom_keyword_response',
      'SMS:mobile_create_channel',
      'SMS:mobile_keyword_matched',
      'SMS:mobile_keyword_unmatched',
      'SMS:mobile_opt_in',
      'SMS:mobile_opt_out',
      'SMS:mobile_terminated_message',
      'SMS:opted_out',
      'SMS:registration',
      'SMS:uninstall',
    ]);
  });
});
