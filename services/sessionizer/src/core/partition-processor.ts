import type {
  DeviceEvent,
  DeviceOpenSessions,
  DeviceSession,
  DeviceState,
  DeviceStatus,
  OpenSession,
  Platform,
  SessionCloseReason,
} from '@pushstream/schemas';
import { expire, step, type LifecycleOutput } from './device-lifecycle.js';
import { kindRule } from './event-kinds.js';
import { MinHeap } from './min-heap.js';
import { addActivity, closeDue, closedSession, closesAfter } from './session-windows.js';
import type { SessionizerCoreConfig } from './sessionizer-config.js';

/** Key of the partition clock record in open-sessions.v1. */
export const STREAM_TIME_KEY = '~stream-time';

/** One record the partition wants written. `inputOffset` is the device-events offset it reflects. */
export type PartitionOutput =
  | {
      readonly kind: 'state';
      readonly deviceKey: string;
      /** null = tombstone. */
      readonly state: DeviceState | null;
      readonly inputOffset: number;
    }
  | { readonly kind: 'session'; readonly deviceKey: string; readonly session: DeviceSession }
  | {
      readonly kind: 'open-sessions';
      readonly deviceKey: string;
      /** null = tombstone (no open session left). */
      readonly value: DeviceOpenSessions | null;
      readonly inputOffset: number;
    };

/** What processing one event did, besides its outputs. */
export interface ProcessResult {
  readonly outputs: readonly PartitionOutput[];
  /** The event was not applied: it has no device, or an earlier run already applied it (replay). */
  readonly skipped: boolean;
  /** Too late for the session windows (still applied to the lifecycle). */
  readonly lateForSessions: boolean;
  /** Sessions closed by stream time while processing it. */
  readonly sessionsClosed: number;
}

interface OpenDevice {
  readonly appKey: string;
  readonly platform: Platform;
  readonly sessions: readonly OpenSession[];
}

/** Counts the metrics read from the partition. */
export interface PartitionStats {
  readonly devicesByStatus: Readonly<Record<DeviceStatus, number>>;
  readonly openSessions: number;
  readonly devices: number;
}

/**
 * Everything the sessionizer holds for one input partition — device states, open session windows, the
 * partition's stream time — and the rules that turn one event into the records to write. Pure apart from
 * its own maps: time comes in as arguments, records go out as values. Replays are idempotent: each device
 * remembers the input offset its last written state / open-sessions record reflects, and an event at or
 * below it was already applied.
 */
export class PartitionProcessor {
  private readonly devices = new Map<string, DeviceState>();
  private readonly stateOffsets = new Map<string, number>();
  private readonly open = new Map<string, OpenDevice>();
  private readonly sessionOffsets = new Map<string, number>();
  private readonly lastArrival = new Map<string, number>();
  private readonly due = new MinHeap<string>();
  private streamTime = Number.NEGATIVE_INFINITY;
  private clockWrittenAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly config: SessionizerCoreConfig) {}

  /** Restores a device's state record (null = tombstone) with the input offset it reflected. */
  restoreState(deviceKey: string, state: DeviceState | null, inputOffset: number): void {
    if (state === null) this.devices.delete(deviceKey);
    else this.devices.set(deviceKey, state);
    this.stateOffsets.set(deviceKey, inputOffset);
  }

  /** Restores a device's open-sessions record (or the partition clock); `nowMs` starts its silence. */
  restoreOpenSessions(
    deviceKey: string,
    value: DeviceOpenSessions | null,
    inputOffset: number,
    nowMs: number,
  ): void {
    if (value !== null) this.streamTime = Math.max(this.streamTime, value.streamTime);
    if (deviceKey === STREAM_TIME_KEY) {
      if (value !== null) this.clockWrittenAt = Math.max(this.clockWrittenAt, value.streamTime);
      return;
    }
    this.sessionOffsets.set(deviceKey, inputOffset);
    if (value === null || value.sessions.length === 0) {
      this.open.delete(deviceKey);
      this.lastArrival.delete(deviceKey);
      return;
    }
    this.open.set(deviceKey, { appKey: value.appKey, platform: value.platform, sessions: value.sessions });
    this.lastArrival.set(deviceKey, nowMs);
  }

  /** After a restore: schedules the restored windows for closing. */
  finishRestore(): void {
    for (const [deviceKey, device] of this.open) this.schedule(deviceKey, device.sessions);
  }

  /** The state of a device, if held. */
  state(deviceKey: string): DeviceState | undefined {
    return this.devices.get(deviceKey);
  }

  /** Every device state held. */
  states(): IterableIterator<DeviceState> {
    return this.devices.values();
  }

  /** The open windows of a device. */
  openSessions(deviceKey: string): readonly OpenSession[] {
    return this.open.get(deviceKey)?.sessions ?? [];
  }

  /** The partition's stream time (greatest event time seen), -Infinity before any. */
  currentStreamTime(): number {
    return this.streamTime;
  }

  /** Processes one event read at `inputOffset`, at wall-clock `nowMs`. */
  process(event: DeviceEvent, inputOffset: number, nowMs: number): ProcessResult {
    if (event.deviceId === null) {
      return { outputs: [], skipped: true, lateForSessions: false, sessionsClosed: 0 };
    }
    const key = event.deviceKey;
    const outputs: PartitionOutput[] = [];
    this.streamTime = Math.max(this.streamTime, event.occurredAt);
    const stateDone = inputOffset <= (this.stateOffsets.get(key) ?? -1);
    const sessionsDone = inputOffset <= (this.sessionOffsets.get(key) ?? -1);
    let erased = false;
    if (!stateDone) {
      const result = step(this.devices.get(key), event, {
        nowMs,
        config: this.config.lifecycle,
      });
      erased = result.outputs.some((output) => output.type === 'tombstone');
      this.keep(key, result.state, result.outputs, inputOffset, outputs);
    }
    let late = false;
    if (erased) {
      if (this.open.delete(key) || !sessionsDone) {
        this.lastArrival.delete(key);
        this.sessionOffsets.set(key, inputOffset);
        outputs.push({ kind: 'open-sessions', deviceKey: key, value: null, inputOffset });
      }
    } else if (!sessionsDone && kindRule(event.kind).sessionActivity) {
      late = this.addToSessions(event, inputOffset, nowMs, outputs);
    }
    const closed = this.closeByStreamTime(nowMs, outputs);
    this.writeClock(inputOffset, outputs);
    return {
      outputs,
      skipped: stateDone && sessionsDone,
      lateForSessions: late,
      sessionsClosed: closed,
    };
  }

  /** The wall-clock punctuation: closes the windows of devices silent for `silenceCloseMs`. */
  sweepSilent(nowMs: number): PartitionOutput[] {
    const outputs: PartitionOutput[] = [];
    for (const [deviceKey, device] of this.open) {
      const silentFor = nowMs - (this.lastArrival.get(deviceKey) ?? nowMs);
      if (silentFor < this.config.sessions.silenceCloseMs) continue;
      this.emitClosed(deviceKey, device, device.sessions, 'SWEEP', nowMs, outputs);
      this.open.delete(deviceKey);
      this.lastArrival.delete(deviceKey);
      outputs.push({
        kind: 'open-sessions',
        deviceKey,
        value: null,
        inputOffset: this.sessionOffsets.get(deviceKey) ?? -1,
      });
    }
    return outputs;
  }

  /** The wall-clock staleness sweep: states whose soft/hard-stale flag flipped at `nowMs`. */
  sweepStale(nowMs: number): PartitionOutput[] {
    const outputs: PartitionOutput[] = [];
    for (const [deviceKey, state] of this.devices) {
      const result = expire(state, nowMs, this.config.lifecycle);
      this.keep(deviceKey, result.state, result.outputs, this.stateOffsets.get(deviceKey) ?? -1, outputs);
    }
    return outputs;
  }

  /** Device counts by status and open windows, for the gauges. */
  stats(): PartitionStats {
    const devicesByStatus: Record<DeviceStatus, number> = { INSTALLED: 0, ACTIVE: 0, UNREGISTERED: 0 };
    for (const state of this.devices.values()) devicesByStatus[state.status] += 1;
    let openSessions = 0;
    for (const device of this.open.values()) openSessions += device.sessions.length;
    return { devicesByStatus, openSessions, devices: this.devices.size };
  }

  private keep(
    deviceKey: string,
    state: DeviceState | undefined,
    lifecycleOutputs: readonly LifecycleOutput[],
    inputOffset: number,
    outputs: PartitionOutput[],
  ): void {
    if (state === undefined) this.devices.delete(deviceKey);
    else this.devices.set(deviceKey, state);
    for (const output of lifecycleOutputs) {
      outputs.push({
        kind: 'state',
        deviceKey,
        state: output.type === 'state' ? output.state : null,
        inputOffset,
      });
      this.stateOffsets.set(deviceKey, inputOffset);
    }
  }

  private addToSessions(
    event: DeviceEvent,
    inputOffset: number,
    nowMs: number,
    outputs: PartitionOutput[],
  ): boolean {
    const key = event.deviceKey;
    const current = this.open.get(key);
    const result = addActivity(
      current?.sessions ?? [],
      {
        at: event.occurredAt,
        eventId: event.eventId,
        isOpen: kindRule(event.kind).effect === 'open',
        pushId: event.pushId,
      },
      this.streamTime,
      this.config.sessions,
    );
    if (result.outcome !== 'added') return result.outcome === 'late';
    const device: OpenDevice = {
      appKey: current?.appKey ?? event.appKey,
      platform: event.platform === 'UNKNOWN' ? (current?.platform ?? 'UNKNOWN') : event.platform,
      sessions: result.sessions,
    };
    this.open.set(key, device);
    this.lastArrival.set(key, nowMs);
    this.sessionOffsets.set(key, inputOffset);
    this.schedule(key, device.sessions);
    outputs.push({
      kind: 'open-sessions',
      deviceKey: key,
      value: this.openRecord(key, device),
      inputOffset,
    });
    return false;
  }

  private schedule(deviceKey: string, sessions: readonly OpenSession[]): void {
    const first = Math.min(...sessions.map((session) => closesAfter(session, this.config.sessions)));
    if (Number.isFinite(first)) this.due.push(first, deviceKey);
  }

  private closeByStreamTime(nowMs: number, outputs: PartitionOutput[]): number {
    let closedCount = 0;
    for (;;) {
      const next = this.due.peekPriority();
      if (next === undefined || next >= this.streamTime) return closedCount;
      const entry = this.due.pop();
      if (entry === undefined) return closedCount;
      const deviceKey = entry.item;
      const device = this.open.get(deviceKey);
      if (device === undefined) continue;
      const { open, closed } = closeDue(device.sessions, this.streamTime, this.config.sessions);
      if (closed.length === 0) continue;
      closedCount += closed.length;
      this.emitClosed(deviceKey, device, closed, 'INACTIVITY_GAP', nowMs, outputs);
      const inputOffset = this.sessionOffsets.get(deviceKey) ?? -1;
      if (open.length === 0) {
        this.open.delete(deviceKey);
        this.lastArrival.delete(deviceKey);
        outputs.push({ kind: 'open-sessions', deviceKey, value: null, inputOffset });
      } else {
        const rest = { ...device, sessions: open };
        this.open.set(deviceKey, rest);
        this.schedule(deviceKey, open);
        outputs.push({
          kind: 'open-sessions',
          deviceKey,
          value: this.openRecord(deviceKey, rest),
          inputOffset,
        });
      }
    }
  }

  private emitClosed(
    deviceKey: string,
    device: OpenDevice,
    sessions: readonly OpenSession[],
    reason: SessionCloseReason,
    nowMs: number,
    outputs: PartitionOutput[],
  ): void {
    const owner = { deviceKey, appKey: device.appKey, platform: device.platform };
    for (const session of sessions) {
      outputs.push({ kind: 'session', deviceKey, session: closedSession(owner, session, reason, nowMs) });
    }
  }

  private writeClock(inputOffset: number, outputs: PartitionOutput[]): void {
    if (this.streamTime - this.clockWrittenAt < this.config.sessions.clockRecordEveryMs) return;
    this.clockWrittenAt = this.streamTime;
    outputs.push({
      kind: 'open-sessions',
      deviceKey: STREAM_TIME_KEY,
      value: {
        deviceKey: STREAM_TIME_KEY,
        appKey: '',
        platform: 'UNKNOWN',
        streamTime: this.streamTime,
        sessions: [],
      },
      inputOffset,
    });
  }

  private openRecord(deviceKey: string, device: OpenDevice): DeviceOpenSessions {
    return {
      deviceKey,
      appKey: device.appKey,
      platform: device.platform,
      streamTime: this.streamTime,
      sessions: [...device.sessions],
    };
  }
}
