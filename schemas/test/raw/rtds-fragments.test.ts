import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { RTDS_FRAGMENT_FIXTURES, type RtdsFragmentSchemaName } from '../../src/fixtures/index.js';
import { RtdsAssociatedPushSchema } from '../../src/raw/rtds/associated-push.js';
import { RtdsChannelDeviceSchema } from '../../src/raw/rtds/device.js';
import { CustomBodySchema } from '../../src/raw/rtds/events/custom-event.js';
import { MobileOriginatedBodySchema } from '../../src/raw/rtds/events/sms-events.js';
import { RtdsInAppContextSchema } from '../../src/raw/rtds/in-app-context.js';
import { fieldAt } from './field-at.js';

const SCHEMAS: Record<RtdsFragmentSchemaName, z.ZodType> = {
  'app-device': RtdsChannelDeviceSchema,
  'custom-body': CustomBodySchema,
  'associated-push': RtdsAssociatedPushSchema,
  'in-app-context': RtdsInAppContextSchema,
  'mobile-originated-body': MobileOriginatedBodySchema,
};

describe('the seed examples of event parts match their part schemas', () => {
  it.each(RTDS_FRAGMENT_FIXTURES.map((fixture) => [fixture.name, fixture] as const))(
    '%s',
    (_name, fixture) => {
      const result = SCHEMAS[fixture.schema].safeParse(JSON.parse(fixture.text));
      expect(result.error?.issues ?? []).toEqual([]);
      for (const [path, value] of Object.entries(fixture.expected.fields)) {
        expect(fieldAt(result.data, path), path).toEqual(value);
      }
    },
  );
});
