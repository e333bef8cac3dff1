import type { DeviceStatus, LifecycleHistory, LifecyclePoint, LifecyclePointKind } from '@pushstream/schemas';
import type { LifecycleEffect } from './event-kinds.js';

/** What the lifecycle history folds to. */
export interface LifecycleSummary {
  readonly status: DeviceStatus;
  readonly reinstallCount: number;
  readonly openCount: number;
}

/** An empty history (the Avro default). */
export const EMPTY_HISTORY: LifecycleHistory = {
  baseStatus: null,
  baseReinstallCount: 0,
  baseOpenCount: 0,
  foldedBefore: 0,
  points: [],
};

const POINT_KIND: Readonly<Record<Exclude<LifecycleEffect, 'none'>, LifecyclePointKind>> = {
  install: 'INSTALL',
  open: 'OPEN',
  unregister: 'UNREGISTER',
};

// At the same millisecond an install comes before an open, and an unregister after both.
const KIND_RANK: Readonly<Record<LifecyclePointKind, number>> = {
  INSTALL: 0,
  OPEN: 1,
  UNREGISTER: 2,
  OTHER: 3,
};

/** The point of an event with a lifecycle effect. */
export function lifecyclePoint(
  effect: Exclude<LifecycleEffect, 'none'>,
  at: number,
  idHash: number,
): LifecyclePoint {
  return { at, kind: POINT_KIND[effect], idHash };
}

function comparePoints(a: LifecyclePoint, b: LifecyclePoint): number {
  return a.at - b.at || KIND_RANK[a.kind] - KIND_RANK[b.kind] || a.idHash - b.idHash;
}

interface Fold {
  status: DeviceStatus | null;
  reinstallCount: number;
  openCount: number;
}

/**
 * One point of the fold, the rules of DESIGN.md §5: an install registers a new or unregistered device and
 * never downgrades an active one; an open makes it ACTIVE; an unregister makes it UNREGISTERED; an install
 * or open after UNREGISTERED is a reinstall.
 */
function applyPoint(fold: Fold, point: LifecyclePoint): void {
  switch (point.kind) {
    case 'INSTALL':
      if (fold.status === 'UNREGISTERED') fold.reinstallCount += 1;
      fold.status = fold.status === 'ACTIVE' ? 'ACTIVE' : 'INSTALLED';
      break;
    case 'OPEN':
      if (fold.status === 'UNREGISTERED') fold.reinstallCount += 1;
      fold.status = 'ACTIVE';
      fold.openCount += 1;
      break;
    case 'UNREGISTER':
      fold.status = 'UNREGISTERED';
      break;
    case 'OTHER':
      break;
  }
}

function baseFold(history: LifecycleHistory): Fold {
  return {
    status: history.baseStatus,
    reinstallCount: history.baseReinstallCount,
    openCount: history.baseOpenCount,
  };
}

/** Status, reinstalls and opens of the history; a device with no lifecycle event yet is INSTALLED. */
export function summarize(history: LifecycleHistory): LifecycleSummary {
  const fold = baseFold(history);
  for (const point of history.points) applyPoint(fold, point);
  return {
    status: fold.status ?? 'INSTALLED',
    reinstallCount: fold.reinstallCount,
    openCount: fold.openCount,
  };
}

/**
 * Adds a point. Within the reorder horizon the points are kept sorted and de-duplicated, so any arrival
 * order folds the same; points that fall behind the newest one by more than the horizon are folded into
 * the base. A point older than the fold line (later than the horizon) can no longer be placed: an open is
 * counted (it may be a duplicate), installs and unregisters only move their timestamps (the order-dependent
 * rule, documented in the README). Returns the same object when nothing changed.
 */
export function addPoint(
  history: LifecycleHistory,
  point: LifecyclePoint,
  horizonMs: number,
): LifecycleHistory {
  if (point.at < history.foldedBefore) {
    return point.kind === 'OPEN' ? { ...history, baseOpenCount: history.baseOpenCount + 1 } : history;
  }
  const points = history.points;
  let index = points.length;
  while (index > 0) {
    const previous = points[index - 1];
    if (previous === undefined) break;
    const order = comparePoints(previous, point);
    if (order === 0) return history;
    if (order < 0) break;
    index -= 1;
  }
  const inserted = [...points.slice(0, index), point, ...points.slice(index)];
  const newest = inserted.at(-1)?.at ?? point.at;
  const foldedBefore = Math.max(history.foldedBefore, newest - horizonMs);
  const firstKept = inserted.findIndex((candidate) => candidate.at >= foldedBefore);
  if (firstKept === 0) return { ...history, points: inserted, foldedBefore };
  const fold = baseFold(history);
  const folded = firstKept < 0 ? inserted : inserted.slice(0, firstKept);
  for (const old of folded) applyPoint(fold, old);
  return {
    baseStatus: fold.status,
    baseReinstallCount: fold.reinstallCount,
    baseOpenCount: fold.openCount,
    foldedBefore,
    points: firstKept < 0 ? [] : inserted.slice(firstKept),
  };
}

/**
 * The history of a state as decoded: a record written before the history existed (empty history, facts in
 * the top-level fields) gets those facts as its base, so nothing it knew is lost.
 */
export function seededHistory(
  history: LifecycleHistory,
  summary: { status: DeviceStatus; reinstallCount: number; openCount: number },
): LifecycleHistory {
  if (history.points.length > 0 || history.baseStatus !== null) return history;
  if (summary.status === 'INSTALLED' && summary.reinstallCount === 0 && summary.openCount === 0)
    return history;
  return {
    ...history,
    baseStatus: summary.status,
    baseReinstallCount: summary.reinstallCount,
    baseOpenCount: summary.openCount,
  };
}
