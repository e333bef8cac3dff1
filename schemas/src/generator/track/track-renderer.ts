import type { SimulatedProfile } from '../device-profile.js';
import type { DeviceRef, LifecycleEffect } from '../device-truth.js';
import { isoTime } from '../iso-time.js';
import type { SimulatedDevice } from '../population.js';
import type { Prng } from '../prng.js';
import { randomUuid } from '../random-ids.js';
import type { ResolvedTrafficOptions } from '../resolve-options.js';
import type { CampaignStep, LaneContext, ScriptStep, SessionAction } from '../script-step.js';
import { buildOf, contextOf } from './track-context.js';
import type { TrackMessageDraft } from './track-records.js';

const CUSTOM_TRACK_EVENTS: Readonly<Record<string, string>> = {
  purchase: 'Order Completed',
  add_to_cart: 'Product Added',
  product_viewed: 'Product Viewed',
  article_read: 'Article Read',
  share: 'Content Shared',
};
const REGISTER_PUSH_TYPES = { IOS: 'iOS', ANDROID: 'Android', WEB: 'Web', AMAZON: 'Android' } as const;

interface MessageSpec {
  readonly kind: 'track' | 'identify' | 'screen';
  readonly name: string;
  readonly at: number;
  /** `properties` of a track or screen, `traits` of an identify. */
  readonly data: Readonly<Record<string, unknown>>;
  /** Overrides the step's identity (register push after sign-in uses the customer id). */
  readonly userId?: string;
  readonly effect?: LifecycleEffect;
}

type Schedule = (time: number, message: TrackMessageDraft) => void;

/**
 * Turns script steps of iOS, Android and web devices into Segment-spec messages as an app's analytics SDK
 * sends them (reference/sinks-and-webhooks.md B): Segment mobile lifecycle tracks, product tracks, screens,
 * identify calls, and Intilery's "register push" with the Intilery identity rules — `userId` is the device
 * id while signed out with push on, the customer id once signed in, and only an `anonymousId` without push.
 */
export class TrackRenderer {
  private readonly refs = new Map<number, DeviceRef>();

  constructor(
    private readonly rng: Prng,
    private readonly options: ResolvedTrafficOptions,
  ) {}

  /** Renders one step; each message is scheduled at its upload time. */
  render(step: ScriptStep | CampaignStep, context: LaneContext, schedule: Schedule): void {
    if (step.kind === 'campaign' || context.kind !== 'device') return;
    const device = context.device;
    for (const spec of this.specsOf(step, device))
      schedule(this.uploadTime(spec.at), this.message(device, step, spec));
  }

  private specsOf(step: ScriptStep, device: SimulatedDevice): MessageSpec[] {
    const profile = step.profile;
    switch (step.kind) {
      case 'install':
      case 'reinstall':
        return [
          {
            kind: 'track',
            name: 'Application Installed',
            at: step.at,
            data: { version: profile.appVersion, build: buildOf(profile) },
          },
          ...this.registerPush(device, profile, step.at + 1, step.signedIn ? device.customerId : undefined),
        ];
      case 'session':
        return this.session(step, device);
      case 'profile':
        return this.profile(step, device);
      case 'tags':
        return [{ kind: 'identify', name: 'identify', at: step.at, data: { tags: step.current } }];
      case 'attributes':
        return [
          {
            kind: 'identify',
            name: 'identify',
            at: step.at,
            data: Object.fromEntries(step.set.map(({ key, value }) => [camelCase(key), value])),
          },
        ];
      case 'sign-in': {
        const traits = {
          email: device.email,
          ...(device.msisdn === undefined ? {} : { phone: `+${device.msisdn}` }),
          createdAt: isoTime(step.at),
        };
        return [
          { kind: 'identify', name: 'identify', at: step.at, data: traits, userId: device.customerId },
          ...this.registerPush(device, profile, step.at + 1, device.customerId),
        ];
      }
      case 'push':
      case 'uninstall':
        // A push is not the app's to report, and an uninstalled app reports nothing.
        return [];
    }
  }

  private session(step: Extract<ScriptStep, { kind: 'session' }>, device: SimulatedDevice): MessageSpec[] {
    const specs: MessageSpec[] = [];
    const push = step.triggeringPush;
    if (push !== undefined) {
      specs.push({
        kind: 'track',
        name: 'Push Notification Tapped',
        at: step.at,
        data: { campaign: { id: push.pushId, name: push.alert } },
      });
    }
    specs.push({
      kind: 'track',
      name: 'Application Opened',
      at: step.at,
      data: {
        from_background: this.rng.chance(0.6),
        version: step.profile.appVersion,
        build: buildOf(step.profile),
      },
    });
    for (const action of step.actions) {
      const spec = this.action(action);
      if (spec !== undefined) specs.push(spec);
    }
    if (device.platform !== 'WEB')
      specs.push({ kind: 'track', name: 'Application Backgrounded', at: step.endAt, data: {} });
    return specs;
  }

  private action(action: SessionAction): MessageSpec | undefined {
    switch (action.kind) {
      case 'screen':
        return this.rng.chance(0.3)
          ? { kind: 'screen', name: action.screen, at: action.at, data: { path: `/${action.screen}` } }
          : undefined;
      case 'custom':
        return {
          kind: 'track',
          name: CUSTOM_TRACK_EVENTS[action.name] ?? action.name,
          at: action.at,
          data:
            action.amount === undefined
              ? { product_id: `sku-${this.rng.int(1000, 9999)}` }
              : { revenue: action.amount, currency: 'EUR' },
        };
      case 'location':
        return undefined;
    }
  }

  private profile(step: Extract<ScriptStep, { kind: 'profile' }>, device: SimulatedDevice): MessageSpec[] {
    const profile = step.profile;
    const userId = step.signedIn ? device.customerId : undefined;
    switch (step.change) {
      case 'app-update':
        return [
          {
            kind: 'track',
            name: 'Application Updated',
            at: step.at,
            data: {
              previous_version: step.previous.appVersion,
              version: profile.appVersion,
              build: buildOf(profile),
            },
          },
        ];
      case 'token-refresh':
        return this.registerPush(device, profile, step.at, userId);
      case 'push-opt-in':
        return [
          { kind: 'identify', name: 'identify', at: step.at, data: { pushOptIn: profile.pushOptIn } },
          ...this.registerPush(device, profile, step.at + 1, userId),
        ];
      case 'timezone':
        return [{ kind: 'identify', name: 'identify', at: step.at, data: { timezone: profile.timezone } }];
      case 'os-update':
      case 'location':
        return [];
    }
  }

  private registerPush(
    device: SimulatedDevice,
    profile: SimulatedProfile,
    at: number,
    userId: string | undefined,
  ): MessageSpec[] {
    if (!profile.pushOptIn) return [];
    return [
      {
        kind: 'track',
        name: 'register push',
        at,
        data: {
          deviceId: device.trackDeviceId,
          fcmToken: profile.pushToken,
          deviceType: REGISTER_PUSH_TYPES[device.platform],
        },
        userId: userId ?? device.trackDeviceId,
        effect: 'install',
      },
    ];
  }

  private message(device: SimulatedDevice, step: ScriptStep, spec: MessageSpec): TrackMessageDraft {
    const rng = this.rng;
    const profile = step.profile;
    const identity =
      spec.userId !== undefined
        ? { userId: spec.userId }
        : step.signedIn
          ? { userId: device.customerId }
          : profile.pushOptIn
            ? { userId: device.trackDeviceId }
            : { anonymousId: device.trackDeviceId };
    const omitType = spec.kind !== 'screen' && rng.chance(this.options.track.omitTypeRate);
    const head =
      spec.kind === 'screen'
        ? { type: 'screen', name: spec.name }
        : spec.kind === 'identify'
          ? omitType
            ? { event: 'identify' }
            : { type: 'identify' }
          : omitType
            ? { event: spec.name }
            : { type: 'track', event: spec.name };
    const payload = spec.kind === 'identify' ? { traits: spec.data } : { properties: spec.data };
    const messageId = randomUuid(rng);
    const message = {
      ...head,
      ...identity,
      ...payload,
      context: contextOf(device, profile),
      messageId,
      timestamp: isoTime(spec.at),
    };
    return {
      messageId,
      kind: spec.kind,
      name: spec.name,
      json: JSON.stringify(message),
      writeKey: device.app.writeKey,
      device: this.refOf(device),
      occurredMs: spec.at,
      effect: spec.effect ?? 'none',
    };
  }

  private uploadTime(at: number): number {
    const { min, max } = this.options.track.uploadDelayMs;
    return at + this.rng.int(min, max);
  }

  private refOf(device: SimulatedDevice): DeviceRef {
    let ref = this.refs.get(device.index);
    if (ref === undefined) {
      ref = {
        deviceKey: `track:${device.app.writeKey}:${device.trackDeviceId}`,
        source: 'TRACK',
        appKey: device.app.writeKey,
        deviceId: device.trackDeviceId,
        platform: device.platform,
      };
      this.refs.set(device.index, ref);
    }
    return ref;
  }
}

function camelCase(key: string): string {
  return key.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}
