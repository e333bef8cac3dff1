import type { DeviceRef } from '../device-truth.js';
import type { Prng } from '../prng.js';
import { randomUuid, rtdsEventId } from '../random-ids.js';
import type { ResolvedTrafficOptions } from '../resolve-options.js';
import { assembleTail, type RtdsDraft, type TailParts } from '../rtds/rtds-draft.js';
import { withUnknownFields } from '../rtds/unknown-content.js';
import type { ComplianceChannel } from './compliance-channels.js';
import type { ComplianceStep } from './compliance-step.js';

/** COMPLIANCE `event_type`s Airship has not documented: they must parse as generic compliance events. */
export const UNKNOWN_COMPLIANCE_EVENT_TYPES = [
  'rcs_capability_update',
  'whatsapp_opt_in',
  'consent_refresh',
] as const;

type Schedule = (time: number, draft: RtdsDraft) => void;

/** Wraps compliance bodies into COMPLIANCE events of their channel, with the stream's quirks. */
export class ComplianceRenderer {
  private readonly devices = new Map<number, { readonly json: string; readonly ref: DeviceRef }>();
  private readonly unknownTypeOdds: number;

  constructor(
    private readonly rng: Prng,
    private readonly options: ResolvedTrafficOptions,
  ) {
    const rate = options.compliance.unknownTypeRate;
    this.unknownTypeOdds = rate / (1 - rate);
  }

  /** Renders one step; the draft is scheduled at its `processed` time. */
  render(step: ComplianceStep, channel: ComplianceChannel, schedule: Schedule): void {
    const rng = this.rng;
    const device = this.deviceOf(channel);
    let parts: TailParts = { type: 'COMPLIANCE', device: device.json, body: step.body };
    let unknownFields: readonly string[] = [];
    if (rng.chance(this.options.compliance.unknownFieldRate))
      ({ parts, fields: unknownFields } = withUnknownFields(rng, parts));
    this.schedule(schedule, step.at, assembleTail(parts), device.ref, step.effect, false, unknownFields);
    if (rng.chance(this.unknownTypeOdds)) {
      const body = {
        event_type: rng.pick(UNKNOWN_COMPLIANCE_EVENT_TYPES),
        identifiers:
          channel.kind === 'SMS'
            ? { msisdn: channel.address, sender: channel.sender }
            : { address: channel.address },
        properties: { consent_id: randomUuid(rng), granted: rng.chance(0.5), scopes: ['marketing'] },
      };
      const tail = assembleTail({ type: 'COMPLIANCE', device: device.json, body });
      this.schedule(schedule, step.at + rng.int(0, 500), tail, device.ref, 'none', true, []);
    }
  }

  private schedule(
    schedule: Schedule,
    at: number,
    tail: string,
    ref: DeviceRef,
    effect: ComplianceStep['effect'],
    unknownType: boolean,
    unknownFields: readonly string[],
  ): void {
    const { min, max } = this.options.compliance.processingDelayMs;
    const processedMs = at + this.rng.int(min, max);
    schedule(processedMs, {
      id: rtdsEventId(this.rng, at),
      type: 'COMPLIANCE',
      occurredMs: at,
      processedMs,
      tail,
      device: ref,
      effect,
      unknownType,
      unknownFields,
      latent: false,
      bigValue: undefined,
    });
  }

  private deviceOf(channel: ComplianceChannel): { readonly json: string; readonly ref: DeviceRef } {
    let device = this.devices.get(channel.index);
    if (device === undefined) {
      const namedUser = channel.namedUser === undefined ? {} : { named_user: channel.namedUser };
      const json =
        channel.kind === 'EMAIL'
          ? JSON.stringify({
              channel: channel.channel,
              delivery_address: channel.address,
              device_type: 'EMAIL',
              ...namedUser,
            })
          : JSON.stringify({
              channel: channel.channel,
              delivery_address: channel.address,
              device_type: 'SMS',
              identifiers: { sender: channel.sender },
            });
      device = {
        json,
        ref: {
          deviceKey: `airship:${channel.app.airshipAppKey}:${channel.channel}`,
          source: 'AIRSHIP',
          appKey: channel.app.airshipAppKey,
          deviceId: channel.channel,
          platform: channel.kind,
        },
      };
      this.devices.set(channel.index, device);
    }
    return device;
  }
}
