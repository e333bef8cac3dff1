import { campaignAt, type CampaignPlan, type CampaignPush } from './campaigns.js';
import {
  changeProfile,
  initialProfile,
  type ProfileChange,
  type SimulatedProfile,
} from './device-profile.js';
import { HOUR, isoTime, MINUTE, SECOND } from './iso-time.js';
import type { SimulatedDevice } from './population.js';
import { Prng } from './prng.js';
import { randomUuid } from './random-ids.js';
import type { ResolvedTrafficOptions } from './resolve-options.js';
import type { PushOutcome, ScriptStep, SessionAction, TagGroups, UninstallSignal } from './script-step.js';

const SCREENS = ['home', 'search', 'product', 'cart', 'checkout', 'settings', 'article', 'inbox'];
const CUSTOM_EVENTS = ['purchase', 'add_to_cart', 'product_viewed', 'article_read', 'share'];
const TAG_POOL: TagGroups = {
  interests: ['sports', 'news', 'tech', 'fashion', 'travel'],
  loyalty: ['bronze', 'silver', 'gold'],
  device: ['beta_tester', 'dark_mode'],
};
const FIRST_NAMES = ['Pierre', 'Anna', 'Sven', 'Fatima', 'Noah', 'Emma', 'Luca', 'Mila'];

type StepKind = 'session' | 'push' | 'profile' | 'tags' | 'attributes' | 'sign-in';

/** Mutable life of one device while its script runs. */
interface DeviceLife {
  at: number;
  profile: SimulatedProfile;
  signedIn: boolean;
  tags: Record<string, string[]>;
}

/**
 * The life of one device as a lazy, time-ordered sequence of steps: install, sessions, pushes and their
 * outcome, profile/tag/attribute changes, sign-in, uninstall and maybe reinstall. Seeded by the device alone,
 * so the RTDS, CM and track renderings of a device tell the same story. Ends when the device is uninstalled
 * for good; otherwise it goes on forever (consumers stop at their budget).
 */
export function* deviceScript(
  device: SimulatedDevice,
  options: ResolvedTrafficOptions,
): Generator<ScriptStep, void> {
  const rng = new Prng(options.seed, 'script', device.index);
  const lifecycle = options.lifecycle;
  const plan: CampaignPlan = {
    seed: options.seed,
    start: options.start,
    intervalMs: lifecycle.campaignIntervalMs,
  };
  const life: DeviceLife = {
    at: device.firstStepAt,
    profile: initialProfile(device, rng, lifecycle.pushOptInShare),
    signedIn: device.preinstalled && rng.chance(0.3),
    tags: {},
  };
  if (!device.preinstalled) {
    yield { ...snapshot(life), kind: 'install' };
    life.at += rng.int(200, 3000);
    yield startSession(life, rng, device, options, undefined);
  }
  for (;;) {
    life.at += Math.max(SECOND, Math.floor(rng.exponential(lifecycle.meanStepGapMs)));
    if (rng.chance(lifecycle.uninstallRate)) {
      yield uninstall(life, rng, campaignAt(plan, device.app, life.at));
      if (!rng.chance(lifecycle.reinstallRate)) return;
      life.at += Math.max(HOUR, Math.floor(rng.exponential(lifecycle.meanReinstallGapMs)));
      life.signedIn = false;
      life.profile = {
        ...changeProfile(device, life.profile, 'token-refresh', rng),
        appVersion: device.app.appVersions.at(-1) ?? life.profile.appVersion,
        pushOptIn: rng.chance(lifecycle.pushOptInShare),
      };
      yield { ...snapshot(life), kind: 'reinstall' };
      life.at += rng.int(200, 3000);
      yield startSession(life, rng, device, options, undefined);
      continue;
    }
    const kind = rng.weighted<StepKind>({
      session: 0.45,
      push: life.profile.pushOptIn ? 0.3 : 0,
      profile: 0.07,
      tags: 0.06,
      attributes: 0.05,
      'sign-in': life.signedIn ? 0 : 0.04,
    });
    switch (kind) {
      case 'session':
        yield startSession(life, rng, device, options, undefined);
        break;
      case 'push':
        yield* push(life, rng, device, options, campaignAt(plan, device.app, life.at));
        break;
      case 'profile': {
        const previous = life.profile;
        const change = pickChange(rng, device, previous);
        life.profile = changeProfile(device, previous, change, rng);
        yield { ...snapshot(life), kind: 'profile', change, previous };
        break;
      }
      case 'tags':
        yield changeTags(life, rng);
        break;
      case 'attributes':
        yield {
          ...snapshot(life),
          kind: 'attributes',
          set: rng.chance(0.5)
            ? [{ key: 'first_name', value: rng.pick(FIRST_NAMES) }]
            : [
                { key: 'loyalty_points', value: rng.int(0, 5000) },
                {
                  key: 'last_purchase_at',
                  value: isoTime(life.at - rng.int(0, 30) * 86_400_000),
                },
              ],
        };
        break;
      case 'sign-in':
        life.signedIn = true;
        yield { ...snapshot(life), kind: 'sign-in' };
        break;
    }
  }
}

function snapshot(life: DeviceLife) {
  return { at: life.at, profile: life.profile, signedIn: life.signedIn };
}

function startSession(
  life: DeviceLife,
  rng: Prng,
  device: SimulatedDevice,
  options: ResolvedTrafficOptions,
  triggeringPush: CampaignPush | undefined,
): ScriptStep {
  const start = life.at;
  const duration = Math.min(
    3 * HOUR,
    Math.max(5 * SECOND, Math.floor(rng.exponential(options.lifecycle.meanSessionMs))),
  );
  const actions: SessionAction[] = [];
  if (device.platform !== 'WEB') {
    const screens = rng.int(0, 5);
    let previousScreen: string | undefined;
    for (let index = 0; index < screens; index++) {
      const screen = rng.pick(SCREENS);
      const at = start + Math.floor(((index + 1) * duration) / (screens + 1));
      actions.push({
        kind: 'screen',
        at,
        screen,
        previousScreen,
        durationMs: Math.floor(duration / (screens + 1)),
      });
      previousScreen = screen;
    }
    if (rng.chance(0.1)) {
      actions.push({
        kind: 'location',
        at: start + rng.int(0, duration),
        latitude: rng.between(48, 54).toFixed(6),
        longitude: rng.between(-2, 12).toFixed(6),
      });
    }
  }
  const customs = rng.weighted({ 0: 0.5, 1: 0.35, 2: 0.15 });
  for (let index = 0; index < Number(customs); index++) {
    const name = rng.pick(CUSTOM_EVENTS);
    const amount =
      name === 'purchase' || name === 'add_to_cart' ? Math.round(rng.between(1, 500) * 100) / 100 : undefined;
    actions.push({ kind: 'custom', at: start + rng.int(0, duration), name, amount });
  }
  actions.sort((a, b) => a.at - b.at);
  life.at = start + duration;
  return {
    at: start,
    profile: life.profile,
    signedIn: life.signedIn,
    kind: 'session',
    endAt: start + duration,
    sessionId: randomUuid(rng),
    actions,
    triggeringPush,
  };
}

function* push(
  life: DeviceLife,
  rng: Prng,
  device: SimulatedDevice,
  options: ResolvedTrafficOptions,
  campaign: CampaignPush,
): Generator<ScriptStep, void> {
  const openRate = options.lifecycle.pushOpenRate;
  const rest = 1 - openRate;
  const outcome = rng.weighted<PushOutcome>({
    opened: openRate,
    dismissed: rest * 0.3,
    deleted: rest * 0.05,
    failed: rest * 0.03,
    ignored: rest * 0.62,
  });
  const reacts = outcome === 'opened' || outcome === 'dismissed' || outcome === 'deleted';
  const reactedAt = reacts ? life.at + rng.int(2 * SECOND, 30 * MINUTE) : life.at;
  yield { ...snapshot(life), kind: 'push', push: campaign, outcome, reactedAt };
  life.at = reactedAt;
  if (outcome === 'opened') yield startSession(life, rng, device, options, campaign);
}

function uninstall(life: DeviceLife, rng: Prng, campaign: CampaignPush): ScriptStep {
  const signal = rng.weighted<UninstallSignal>({
    uninstall: 0.35,
    decay: 0.15,
    'send-rejected': life.profile.pushOptIn ? 0.5 : 0,
  });
  return { ...snapshot(life), kind: 'uninstall', signal, push: campaign };
}

function pickChange(rng: Prng, device: SimulatedDevice, profile: SimulatedProfile): ProfileChange {
  const latest = device.app.appVersions.at(-1) === profile.appVersion;
  return rng.weighted<ProfileChange>({
    'app-update': latest ? 0 : 0.4,
    'os-update': 0.15,
    'push-opt-in': 0.15,
    timezone: 0.1,
    'token-refresh': 0.15,
    location: 0.05,
  });
}

function changeTags(life: DeviceLife, rng: Prng): ScriptStep {
  const group = rng.pick(Object.keys(TAG_POOL));
  const pool = TAG_POOL[group] ?? [];
  const held = life.tags[group] ?? [];
  const removing = held.length > 0 && rng.chance(0.3);
  const tag = removing ? rng.pick(held) : rng.pick(pool);
  const nextHeld = removing
    ? held.filter((item) => item !== tag)
    : held.includes(tag)
      ? held
      : [...held, tag];
  life.tags = { ...life.tags, [group]: nextHeld };
  const change = { [group]: [tag] };
  return {
    ...snapshot(life),
    kind: 'tags',
    add: removing ? {} : change,
    remove: removing ? change : {},
    current: life.tags,
  };
}
