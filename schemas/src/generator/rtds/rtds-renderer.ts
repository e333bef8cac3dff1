import type { DeviceRef } from '../device-truth.js';
import type { SimulatedDevice } from '../population.js';
import type { Prng } from '../prng.js';
import { rtdsEventId } from '../random-ids.js';
import type { ResolvedTrafficOptions } from '../resolve-options.js';
import type { CampaignStep, LaneContext, ScriptStep } from '../script-step.js';
import { insertBigValue } from './big-custom-value.js';
import { pushBody, pushRef, sendBody, timedPushRef } from './push-bodies.js';
import { RtdsDeviceJson } from './rtds-device-json.js';
import { assembleTail, type RtdsDraft, type TailParts } from './rtds-draft.js';
import type { RtdsEventSpec } from './rtds-event-spec.js';
import { sessionEvents } from './session-events.js';
import { unknownTypeParts, withUnknownFields } from './unknown-content.js';

const INVALID_TOKEN_STATUSES = {
  IOS: ['BadDeviceToken', 'Uninstalled'],
  ANDROID: ['Uninstalled', 'MissingRegistration'],
};
const FAILURE_STATUSES = ['Unavailable', 'MessageTooBig', 'InvalidTtl', 'InvalidDataKey'];

interface DeviceState {
  readonly json: RtdsDeviceJson;
  readonly ref: DeviceRef;
}

type Schedule = (time: number, draft: RtdsDraft) => void;

/**
 * Turns script steps into RTDS event drafts, in the spec's shapes (reference/rtds.md C and E): FIRST_OPEN,
 * OPEN … CLOSE sessions with SCREEN_VIEWED / CUSTOM / LOCATION, WEB_SESSION, SEND, WEB_CLICK, SEND_REJECTED,
 * PUSH_BODY, TAG_CHANGE, ATTRIBUTE_OPERATION, CONTACT_CHANGE, UNINSTALL — plus undocumented types and
 * fields, latent CLOSEs and oversized CUSTOM values at the configured rates.
 */
export class RtdsRenderer {
  private readonly devices = new Map<number, DeviceState>();
  private readonly unknownTypeOdds: number;

  constructor(
    private readonly rng: Prng,
    private readonly options: ResolvedTrafficOptions,
  ) {
    const rate = options.rtds.unknownTypeRate;
    this.unknownTypeOdds = rate / (1 - rate);
  }

  /** Renders one step of a lane; every draft is scheduled at its `processed` time. */
  render(step: ScriptStep | CampaignStep, context: LaneContext, schedule: Schedule): void {
    if (step.kind === 'campaign') {
      this.emit(undefined, step, schedule, {
        type: 'PUSH_BODY',
        at: step.at,
        device: 'none',
        body: pushBody(step.push),
      });
      return;
    }
    if (context.kind !== 'device') return;
    const specs = this.specsOf(step, context.device);
    for (const spec of specs) this.emit(context.device, step, schedule, spec);
  }

  private specsOf(step: ScriptStep, device: SimulatedDevice): RtdsEventSpec[] {
    const web = device.platform === 'WEB';
    switch (step.kind) {
      case 'install':
        return [{ type: 'FIRST_OPEN', at: step.at, device: 'bare', effect: 'install' }];
      case 'reinstall':
      case 'profile':
        // A reinstall keeps its channel, so Airship sends no FIRST_OPEN: the next OPEN shows it; a
        // profile change shows only in the attributes of later events.
        return [];
      case 'session':
        return sessionEvents(step, web, this.rng, this.options.rtds);
      case 'push': {
        const specs: RtdsEventSpec[] = [
          { type: 'SEND', at: step.at, device: 'full', body: sendBody(step.push) },
        ];
        if (step.outcome === 'failed') {
          specs.push({
            type: 'SEND_REJECTED',
            at: step.at + this.rng.int(50, 2000),
            device: 'bare',
            body: { ...pushRef(step.push), status: this.rng.pick(FAILURE_STATUSES) },
          });
        }
        if (step.outcome === 'opened' && web) {
          specs.push({
            type: 'WEB_CLICK',
            at: step.reactedAt,
            device: 'full',
            body: timedPushRef(step.push),
          });
        }
        return specs;
      }
      case 'tags':
        return [
          {
            type: 'TAG_CHANGE',
            at: step.at,
            device: 'bare',
            body: {
              ...(Object.keys(step.add).length > 0 ? { add: step.add } : {}),
              ...(Object.keys(step.remove).length > 0 ? { remove: step.remove } : {}),
              current: step.current,
            },
          },
        ];
      case 'attributes':
        return [{ type: 'ATTRIBUTE_OPERATION', at: step.at, device: 'full', body: { set: step.set } }];
      case 'sign-in':
        return [
          {
            type: 'CONTACT_CHANGE',
            at: step.at,
            device: 'bare',
            body: {
              change_type: 'ASSOCIATION',
              contact_id: device.contactId,
              named_user_id: device.customerId,
              channel_id: device.channel,
            },
          },
        ];
      case 'uninstall':
        return this.uninstall(step, device);
    }
  }

  private uninstall(
    step: Extract<ScriptStep, { kind: 'uninstall' }>,
    device: SimulatedDevice,
  ): RtdsEventSpec[] {
    if (step.signal === 'send-rejected') {
      const statuses =
        device.platform === 'IOS' ? INVALID_TOKEN_STATUSES.IOS : INVALID_TOKEN_STATUSES.ANDROID;
      return [
        { type: 'SEND', at: step.at, device: 'full', body: sendBody(step.push) },
        {
          type: 'SEND_REJECTED',
          at: step.at + this.rng.int(50, 2000),
          device: 'bare',
          body: { ...pushRef(step.push), status: this.rng.pick(statuses) },
          effect: 'unregister',
        },
      ];
    }
    // The spec's stream example has UNINSTALL lines without a body.
    const body = this.rng.chance(0.05) ? undefined : { decay: step.signal === 'decay' };
    return [{ type: 'UNINSTALL', at: step.at, device: 'bare', body, effect: 'unregister' }];
  }

  private emit(
    device: SimulatedDevice | undefined,
    step: ScriptStep | CampaignStep,
    schedule: Schedule,
    spec: RtdsEventSpec,
  ): void {
    const rng = this.rng;
    const state = device === undefined ? undefined : this.stateOf(device);
    const profile = step.kind === 'campaign' ? undefined : step.profile;
    const signedIn = step.kind !== 'campaign' && step.signedIn;
    const deviceText =
      state === undefined || profile === undefined || spec.device === 'none'
        ? undefined
        : spec.device === 'full'
          ? state.json.full(profile, signedIn)
          : state.json.bare(profile, signedIn);
    const userText =
      state === undefined || profile === undefined ? undefined : state.json.user(profile, signedIn);
    let parts: TailParts = {
      type: spec.type,
      device: deviceText,
      user: userText,
      body: spec.body,
      extras: spec.extras,
    };
    let unknownFields: readonly string[] = [];
    if (rng.chance(this.options.rtds.unknownFieldRate))
      ({ parts, fields: unknownFields } = withUnknownFields(rng, parts));
    let tail = assembleTail(parts);
    if (spec.bigValue !== undefined) tail = insertBigValue(tail, spec.bigValue);
    const latent = spec.latent === true;
    const delay = latent ? this.options.rtds.latentCloseDelayMs : this.options.rtds.processingDelayMs;
    const processedMs = spec.at + rng.int(delay.min, delay.max);
    schedule(processedMs, {
      id: rtdsEventId(rng, spec.at),
      type: spec.type,
      occurredMs: spec.at,
      processedMs,
      tail,
      device: state?.ref,
      effect: spec.effect ?? 'none',
      unknownType: false,
      unknownFields,
      latent,
      bigValue: spec.bigValue,
    });
    if (rng.chance(this.unknownTypeOdds)) this.emitUnknown(state, profile, signedIn, spec.at, schedule);
  }

  private emitUnknown(
    state: DeviceState | undefined,
    profile: ScriptStep['profile'] | undefined,
    signedIn: boolean,
    after: number,
    schedule: Schedule,
  ): void {
    const rng = this.rng;
    const device =
      state === undefined || profile === undefined ? undefined : state.json.full(profile, signedIn);
    const user =
      state === undefined || profile === undefined ? undefined : state.json.user(profile, signedIn);
    const parts = unknownTypeParts(rng, device, user);
    const at = after + rng.int(0, 500);
    const { min, max } = this.options.rtds.processingDelayMs;
    const processedMs = at + rng.int(min, max);
    schedule(processedMs, {
      id: rtdsEventId(rng, at),
      type: parts.type,
      occurredMs: at,
      processedMs,
      tail: assembleTail(parts),
      device: state?.ref,
      effect: 'none',
      unknownType: true,
      unknownFields: [],
      latent: false,
      bigValue: undefined,
    });
  }

  private stateOf(device: SimulatedDevice): DeviceState {
    let state = this.devices.get(device.index);
    if (state === undefined) {
      state = {
        json: new RtdsDeviceJson(device, this.rng),
        ref: {
          deviceKey: `airship:${device.app.airshipAppKey}:${device.channel}`,
          source: 'AIRSHIP',
          appKey: device.app.airshipAppKey,
          deviceId: device.channel,
          platform: device.platform,
        },
      };
      this.devices.set(device.index, state);
    }
    return state;
  }
}
