import type { CampaignPush } from '../campaigns.js';
import type { SimulatedProfile } from '../device-profile.js';
import type { DeviceRef, LifecycleEffect } from '../device-truth.js';
import { cmTime } from '../iso-time.js';
import type { SimulatedDevice } from '../population.js';
import type { Prng } from '../prng.js';
import { randomUuid } from '../random-ids.js';
import type { ResolvedTrafficOptions } from '../resolve-options.js';
import type { CampaignStep, LaneContext, ScriptStep } from '../script-step.js';
import type { CmDraft } from './cm-records.js';

/** Event types CM.com has not documented: kept as generic events by the parser. */
export const UNKNOWN_CM_EVENT_TYPES = [
  'ClientLoggedIn',
  'MessageReceived',
  'ClientPermissionChanged',
] as const;

interface CmEventSpec {
  readonly type: string;
  readonly at: number;
  readonly event: Readonly<Record<string, unknown>>;
  readonly effect: LifecycleEffect;
  readonly unknownType?: boolean;
}

interface DeviceState {
  readonly ref: DeviceRef;
  lastSecond: number;
}

type Schedule = (time: number, draft: CmDraft) => void;

/**
 * Turns script steps of iOS and Android devices into CM.com push webhook bodies (reference/sinks-and-webhooks.md
 * A): ClientInstalled on (re)install, ClientUpdated on profile changes and phone verification (msisdn as
 * `00…`), ClientUnregistered on uninstall, MessageOpened / MessageDismissed / MessageDelete for pushes, and
 * undocumented types at the configured rate. Each device's events get distinct whole-second `timeUtc`s, so
 * two different events never have the same body and a redelivery is the only way a body repeats.
 */
export class CmRenderer {
  private readonly devices = new Map<number, DeviceState>();
  private readonly unknownTypeOdds: number;

  constructor(
    private readonly rng: Prng,
    private readonly options: ResolvedTrafficOptions,
  ) {
    const rate = options.cm.unknownTypeRate;
    this.unknownTypeOdds = rate / (1 - rate);
  }

  /** Renders one step; each body is scheduled at its first delivery time. */
  render(step: ScriptStep | CampaignStep, context: LaneContext, schedule: Schedule): void {
    if (step.kind === 'campaign' || context.kind !== 'device') return;
    const device = context.device;
    for (const spec of this.specsOf(step, device)) {
      this.emit(device, spec, schedule);
      if (this.rng.chance(this.unknownTypeOdds))
        this.emit(device, this.unknown(device, step, spec.at), schedule);
    }
  }

  private specsOf(step: ScriptStep, device: SimulatedDevice): CmEventSpec[] {
    const verified = step.signedIn && device.msisdn !== undefined;
    switch (step.kind) {
      case 'install':
      case 'reinstall':
        return [
          {
            type: 'ClientInstalled',
            at: step.at,
            event: this.client('ClientInstalled', device, step.profile, false),
            effect: 'install',
          },
        ];
      case 'profile':
        return [
          {
            type: 'ClientUpdated',
            at: step.at,
            event: this.client('ClientUpdated', device, step.profile, verified),
            effect: 'none',
          },
        ];
      case 'sign-in':
        return verified
          ? [
              {
                type: 'ClientUpdated',
                at: step.at,
                event: this.client('ClientUpdated', device, step.profile, true),
                effect: 'none',
              },
            ]
          : [];
      case 'session':
        return step.triggeringPush === undefined
          ? []
          : [message('MessageOpened', step.at, step.triggeringPush, 'open')];
      case 'push':
        if (step.outcome === 'dismissed')
          return [message('MessageDismissed', step.reactedAt, step.push, 'none')];
        if (step.outcome === 'deleted') return [message('MessageDelete', step.reactedAt, step.push, 'none')];
        return [];
      case 'uninstall':
        return [
          {
            type: 'ClientUnregistered',
            at: step.at,
            event: {
              type: 'ClientUnregistered',
              custom: {
                clientId: device.app.packageName,
                msisdn: verified ? `00${device.msisdn ?? ''}` : '',
              },
            },
            effect: 'unregister',
          },
        ];
      case 'tags':
      case 'attributes':
        return [];
    }
  }

  private client(
    type: string,
    device: SimulatedDevice,
    profile: SimulatedProfile,
    verified: boolean,
  ): Record<string, unknown> {
    const authorization = profile.pushOptIn
      ? this.rng.chance(0.1)
        ? 'Provisional'
        : 'Authorized'
      : 'NotAuthorized';
    const deviceOs =
      device.platform === 'ANDROID' ? 'Android' : profile.model.startsWith('iPad') ? 'iPadOS' : 'iOs';
    return {
      type,
      custom: {
        clientId: device.app.packageName,
        clientVersion: profile.appVersion,
        msisdn: verified ? `00${device.msisdn ?? ''}` : null,
        deviceOs,
        deviceOsVersion: profile.osVersion,
        deviceModel: profile.model,
        pushAuthorization: authorization,
        preferredLanguages: device.locale.language === 'en' ? ['en'] : [device.locale.language, 'en'],
      },
    };
  }

  private unknown(device: SimulatedDevice, step: ScriptStep, after: number): CmEventSpec {
    const rng = this.rng;
    const type = rng.pick(UNKNOWN_CM_EVENT_TYPES);
    const event =
      type === 'MessageReceived'
        ? { type, reference: randomUuid(rng), receivedInForeground: rng.chance(0.5) }
        : {
            type,
            custom: {
              clientId: device.app.packageName,
              signedIn: step.signedIn,
              permission: rng.pick(['granted', 'denied']),
            },
          };
    return { type, at: after + rng.int(0, 2000), event, effect: 'none', unknownType: true };
  }

  private emit(device: SimulatedDevice, spec: CmEventSpec, schedule: Schedule): void {
    const rng = this.rng;
    const state = this.stateOf(device);
    const second = Math.max(Math.floor(spec.at / 1000), state.lastSecond + 1);
    state.lastSecond = second;
    const occurredMs = second * 1000;
    const timeUtc = cmTime(occurredMs);
    const hasReference = rng.chance(this.options.cm.referenceShare);
    const body = {
      from: { number: device.cmInstallationId },
      to: { number: device.app.cmAppKey },
      event: spec.event,
      timeUtc,
      channel: 'MobilePush',
      ...(hasReference ? { reference: randomUuid(rng) } : {}),
    };
    // CM's own examples are pretty-printed; most senders send compact JSON.
    const text = rng.chance(0.2) ? JSON.stringify(body, null, 2) : JSON.stringify(body);
    const { min, max } = this.options.cm.deliveryDelayMs;
    schedule(Math.max(occurredMs, spec.at) + rng.int(min, max), {
      key: `${device.cmInstallationId}|${timeUtc}`,
      type: spec.type,
      body: text,
      device: state.ref,
      occurredMs,
      effect: spec.effect,
      unknownType: spec.unknownType === true,
      hasReference,
    });
  }

  private stateOf(device: SimulatedDevice): DeviceState {
    let state = this.devices.get(device.index);
    if (state === undefined) {
      state = {
        ref: {
          deviceKey: `cm:${device.app.cmAppKey}:${device.cmInstallationId}`,
          source: 'CM',
          appKey: device.app.cmAppKey,
          deviceId: device.cmInstallationId,
          platform: device.platform,
        },
        lastSecond: Number.NEGATIVE_INFINITY,
      };
      this.devices.set(device.index, state);
    }
    return state;
  }
}

function message(type: string, at: number, push: CampaignPush, effect: LifecycleEffect): CmEventSpec {
  return { type, at, event: { type, reference: push.pushId }, effect };
}
