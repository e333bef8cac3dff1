import type { AppSpec } from './app-spec.js';
import type { CampaignPush } from './campaigns.js';
import type { ProfileChange, SimulatedProfile } from './device-profile.js';
import type { SimulatedDevice } from './population.js';

/** Something the user does inside a session. */
export type SessionAction =
  | {
      readonly kind: 'screen';
      readonly at: number;
      readonly screen: string;
      readonly previousScreen: string | undefined;
      readonly durationMs: number;
    }
  | {
      readonly kind: 'custom';
      readonly at: number;
      readonly name: string;
      readonly amount: number | undefined;
    }
  | { readonly kind: 'location'; readonly at: number; readonly latitude: string; readonly longitude: string };

/** How a device answered a push. `failed` is a delivery failure that is not an uninstall. */
export type PushOutcome = 'opened' | 'dismissed' | 'deleted' | 'ignored' | 'failed';

/** How an uninstall becomes known: an UNINSTALL event, one inferred from inactivity, or a rejected push. */
export type UninstallSignal = 'uninstall' | 'decay' | 'send-rejected';

/** A tag group → tags map. */
export type TagGroups = Readonly<Record<string, readonly string[]>>;

interface StepBase {
  /** When it happened (the events' `occurred`). */
  readonly at: number;
  /** The device's profile at that moment. */
  readonly profile: SimulatedProfile;
  /** Whether the user has signed in (named user set, track `userId` = customer id). */
  readonly signedIn: boolean;
}

/** One step of a device's life, independent of any source's vocabulary. */
export type ScriptStep =
  | (StepBase & { readonly kind: 'install' })
  | (StepBase & { readonly kind: 'reinstall' })
  | (StepBase & {
      readonly kind: 'session';
      readonly endAt: number;
      readonly sessionId: string;
      readonly actions: readonly SessionAction[];
      /** Set when a push opened the app. */
      readonly triggeringPush: CampaignPush | undefined;
    })
  | (StepBase & {
      readonly kind: 'push';
      readonly push: CampaignPush;
      readonly outcome: PushOutcome;
      readonly reactedAt: number;
    })
  | (StepBase & {
      readonly kind: 'profile';
      readonly change: ProfileChange;
      readonly previous: SimulatedProfile;
    })
  | (StepBase & {
      readonly kind: 'tags';
      readonly add: TagGroups;
      readonly remove: TagGroups;
      readonly current: TagGroups;
    })
  | (StepBase & {
      readonly kind: 'attributes';
      readonly set: readonly { readonly key: string; readonly value: string | number }[];
    })
  | (StepBase & { readonly kind: 'sign-in' })
  | (StepBase & {
      readonly kind: 'uninstall';
      readonly signal: UninstallSignal;
      readonly push: CampaignPush;
    });

/** An app sends a campaign (RTDS PUSH_BODY). */
export interface CampaignStep {
  readonly kind: 'campaign';
  readonly at: number;
  readonly push: CampaignPush;
}

/** Whose timeline a lane is: a device's, or an app's campaigns. */
export type LaneContext =
  | { readonly kind: 'device'; readonly device: SimulatedDevice }
  | { readonly kind: 'app'; readonly app: AppSpec };
