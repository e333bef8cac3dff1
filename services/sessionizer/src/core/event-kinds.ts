import type { EventKind } from '@pushstream/schemas';

/** What an event does to a device's lifecycle status. */
export type LifecycleEffect = 'install' | 'open' | 'unregister' | 'none';

/** How the sessionizer reads one event kind. */
export interface KindRule {
  /** install / open / unregister, or none. */
  readonly effect: LifecycleEffect;
  /** Sent by the device itself: refreshes `lastSignOfLifeAt`, which staleness is measured from. */
  readonly signOfLife: boolean;
  /** Counts as app activity inside a session window. */
  readonly sessionActivity: boolean;
  /** A push opt-in fact the kind itself states (OPTED_IN / OPTED_OUT). */
  readonly pushOptIn?: boolean;
}

const NONE = { effect: 'none', signOfLife: false, sessionActivity: false } as const;

/**
 * The kind → transition table (DESIGN.md §5, rtds.md §D). Every event also merges the profile and identity
 * facts it carries, moves first/last seen, and registers a device the first time it is seen.
 */
export const KIND_RULES: Readonly<Record<EventKind, KindRule>> = {
  INSTALLED: { effect: 'install', signOfLife: true, sessionActivity: false },
  UPDATED: { effect: 'none', signOfLife: true, sessionActivity: false },
  OPENED: { effect: 'open', signOfLife: true, sessionActivity: true },
  CLOSED: { effect: 'none', signOfLife: true, sessionActivity: true },
  ACTIVITY: { effect: 'none', signOfLife: true, sessionActivity: true },
  IDENTIFIED: { effect: 'none', signOfLife: true, sessionActivity: false },
  // Unregistrations are inferred or reported by the platform (decay, rejected token), not sent by the device.
  UNREGISTERED: { effect: 'unregister', signOfLife: false, sessionActivity: false },
  OPTED_IN: { effect: 'none', signOfLife: true, sessionActivity: false, pushOptIn: true },
  OPTED_OUT: { effect: 'none', signOfLife: true, sessionActivity: false, pushOptIn: false },
  PUSH_SENT: NONE,
  PUSH_FAILED: NONE,
  // A push open opens the app (CM.com MessageOpened is the only open CM reports).
  // DESIGN §5: opens are RTDS OPEN / WEB_SESSION and CM MessageOpened (the normalizer maps them to OPENED);
  // a Segment "Push Notification Tapped" is activity, as the normalizer's lifecycle effect says.
  PUSH_OPENED: { effect: 'none', signOfLife: true, sessionActivity: true },
  PUSH_DISMISSED: { effect: 'none', signOfLife: true, sessionActivity: false },
  PUSH_DELETED: { effect: 'none', signOfLife: true, sessionActivity: false },
  OTHER: NONE,
};

/** The rule of a kind; a kind this build does not know is read as OTHER. */
export function kindRule(kind: string): KindRule {
  return Object.hasOwn(KIND_RULES, kind) ? KIND_RULES[kind as EventKind] : KIND_RULES.OTHER;
}
