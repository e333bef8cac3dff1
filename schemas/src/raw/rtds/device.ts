import { z } from 'zod';
import { lenientString, nonEmptyString, openEnum } from '../scalars.js';

/** Documented `device.device_type` values (upper case on events, lower case in request filters). */
export const RTDS_DEVICE_TYPES = ['IOS', 'ANDROID', 'AMAZON', 'WEB', 'EMAIL', 'SMS', 'OPEN'] as const;

const WEB_REQUIRED_ATTRIBUTES = [
  'push_opt_in',
  'ua_sdk_version',
  'web_browser_name',
  'web_browser_type',
  'web_browser_version',
  'web_user_agent_string',
] as const;

const optionalText = lenientString.optional();

/**
 * App and web `attributes`. The spec types every one as a string (`"push_opt_in": "true"`); booleans and
 * numbers are accepted and rendered as the spec's strings, turning them into booleans is the normalizer's job.
 */
export const RtdsDeviceAttributesSchema = z.looseObject({
  app_package_name: optionalText,
  app_version: optionalText,
  background_push_enabled: optionalText,
  device_model: optionalText,
  device_os: optionalText,
  iana_timezone: optionalText,
  locale_country_code: optionalText,
  locale_language_code: optionalText,
  locale_timezone: optionalText,
  locale_variant: optionalText,
  location_enabled: optionalText,
  location_permission: optionalText,
  push_opt_in: optionalText,
  ua_sdk_version: optionalText,
  web_browser_name: optionalText,
  web_browser_type: optionalText,
  web_browser_version: optionalText,
  web_user_agent_string: optionalText,
});

/** Device `identifiers`: an open map (examples carry undocumented `session_id`, `GA_CID`). */
export const RtdsDeviceIdentifiersSchema = z.looseObject({
  'com.urbanairship.aaid': optionalText,
  'com.urbanairship.gimbal.aii': optionalText,
  'com.urbanairship.idfa': optionalText,
  'com.urbanairship.limited_ad_tracking_enabled': optionalText,
  'com.urbanairship.vendor': optionalText,
  sender: optionalText,
});

const SmsIdentifiersSchema = RtdsDeviceIdentifiersSchema.extend({ sender: lenientString });

/** Every documented device field, all optional: the union of app, web, SMS/email, open and Named User devices. */
const deviceShape = {
  channel: nonEmptyString.optional(),
  device_type: openEnum(RTDS_DEVICE_TYPES).optional(),
  ios_channel: z.string().optional(),
  android_channel: z.string().optional(),
  amazon_channel: z.string().optional(),
  named_user_id: z.string().optional(),
  /** Email devices of COMPLIANCE, SUBSCRIPTION and custom email events say `named_user`, not `named_user_id`. */
  named_user: z.string().optional(),
  delivery_address: optionalText,
  open_platform_name: z.string().optional(),
  identifiers: RtdsDeviceIdentifiersSchema.optional(),
  attributes: RtdsDeviceAttributesSchema.optional(),
};

function checkWebAttributes(
  device: { device_type?: string; attributes?: object },
  ctx: z.RefinementCtx,
): void {
  if (device.device_type !== 'WEB' || device.attributes === undefined) return;
  for (const key of WEB_REQUIRED_ATTRIBUTES) {
    if (!Object.hasOwn(device.attributes, key)) {
      ctx.addIssue({
        code: 'custom',
        path: ['attributes', key],
        message: 'required field missing (expected string)',
      });
    }
  }
}

/** A device whose spec is a union including the open-channel device, which requires nothing. */
export const RtdsDeviceSchema = z.looseObject(deviceShape).superRefine(checkWebAttributes);

/** An app, web, SMS or email device: `channel` and `device_type` REQUIRED. */
export const RtdsChannelDeviceSchema = z
  .looseObject({ ...deviceShape, channel: nonEmptyString, device_type: openEnum(RTDS_DEVICE_TYPES) })
  .superRefine(checkWebAttributes);

/** The device of COMPLIANCE and MOBILE_ORIGINATED events: `device_type` REQUIRED, SMS `identifiers.sender` too. */
export const RtdsMessagingDeviceSchema = z
  .looseObject({
    ...deviceShape,
    device_type: openEnum(RTDS_DEVICE_TYPES),
    identifiers: SmsIdentifiersSchema.optional(),
  })
  .superRefine(checkWebAttributes);

/** The email device of SUBSCRIPTION events: `delivery_address` and `device_type` REQUIRED. */
export const RtdsEmailDeviceSchema = z
  .looseObject({ ...deviceShape, device_type: openEnum(RTDS_DEVICE_TYPES), delivery_address: lenientString })
  .superRefine(checkWebAttributes);

/** The SMS device of SHORT_LINK_CLICK: `channel`, `device_type` and, when present, `identifiers.sender`. */
export const RtdsShortLinkDeviceSchema = z
  .looseObject({
    ...deviceShape,
    channel: nonEmptyString,
    device_type: openEnum(RTDS_DEVICE_TYPES),
    identifiers: SmsIdentifiersSchema.optional(),
  })
  .superRefine(checkWebAttributes);

/** The CUSTOM device: `device_type` REQUIRED and either `channel` or `named_user_id` (API-sent events). */
export const RtdsCustomDeviceSchema = z
  .looseObject({ ...deviceShape, device_type: openEnum(RTDS_DEVICE_TYPES) })
  .superRefine((device, ctx) => {
    checkWebAttributes(device, ctx);
    if (device.channel === undefined && device.named_user_id === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['channel'],
        message: 'required field missing (expected string; channel or named_user_id is required)',
      });
    }
  });

/** Any RTDS device object. */
export type RtdsDevice = z.infer<typeof RtdsDeviceSchema>;

/** The Named User of a device, whichever of `named_user_id` / `named_user` the event used. */
export function rtdsDeviceNamedUser(device: {
  named_user_id?: string;
  named_user?: string;
}): string | undefined {
  return device.named_user_id ?? device.named_user;
}
