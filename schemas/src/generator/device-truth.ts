/** The lifecycle status of DESIGN.md §5, kept simple: registered / opened since / gone. */
export type ExpectedStatus = 'INSTALLED' | 'ACTIVE' | 'UNREGISTERED';

/**
 * What an event does to the status, per the mapping of DESIGN.md §5: `install` (RTDS FIRST_OPEN /
 * FIRST_OPT_IN, CM ClientInstalled, track "register push"), `open` (RTDS OPEN / WEB_SESSION, CM
 * MessageOpened), `unregister` (RTDS UNINSTALL, SEND_REJECTED with an invalid-token status, CM
 * ClientUnregistered), `none` for everything else.
 */
export type LifecycleEffect = 'install' | 'open' | 'unregister' | 'none';

/** Where a device is known from, with the DESIGN.md §2 key `<source>:<app>:<device id>`. */
export interface DeviceRef {
  readonly deviceKey: string;
  readonly source: 'AIRSHIP' | 'CM' | 'TRACK';
  readonly appKey: string;
  readonly deviceId: string;
  readonly platform: 'IOS' | 'ANDROID' | 'AMAZON' | 'WEB' | 'EMAIL' | 'SMS';
}

/** One unique event of a device, as the ground truth lists it. */
export interface ExpectedDeviceEvent {
  /** RTDS `id`, Segment `messageId`, or for CM the generator's event key. */
  readonly id: string;
  /** The source's type: RTDS `type`, CM `event.type`, Segment `event` (or `identify`, `screen`). */
  readonly type: string;
  readonly occurredMs: number;
  readonly effect: LifecycleEffect;
}

/** What a correct pipeline must end up believing about one device. */
export interface DeviceTruth extends DeviceRef {
  /** Its unique events in event-time order (ties in stream order). */
  readonly events: readonly ExpectedDeviceEvent[];
  /** The final status after folding `events` in event-time order. */
  readonly status: ExpectedStatus;
  /** Times the device came back (install or open) after being unregistered. */
  readonly reinstallCount: number;
  readonly firstSeenMs: number;
  readonly lastSeenMs: number;
}

/**
 * The status after `events` (sorted by event time). The first event of an unknown device registers it;
 * an install registers a new or unregistered device and never downgrades an active one; an open makes
 * it ACTIVE; an unregister makes it UNREGISTERED; an install or open after UNREGISTERED counts a reinstall.
 */
export function foldStatus(events: readonly { readonly effect: LifecycleEffect }[]): {
  readonly status: ExpectedStatus;
  readonly reinstallCount: number;
} {
  let status: ExpectedStatus | undefined;
  let reinstallCount = 0;
  for (const { effect } of events) {
    if ((effect === 'install' || effect === 'open') && status === 'UNREGISTERED') reinstallCount += 1;
    if (effect === 'open') status = 'ACTIVE';
    else if (effect === 'unregister') status = 'UNREGISTERED';
    else if (effect === 'install') status = status === 'ACTIVE' ? 'ACTIVE' : 'INSTALLED';
    else status ??= 'INSTALLED';
  }
  return { status: status ?? 'INSTALLED', reinstallCount };
}

/** Collects unique events per device while a stream is read, then folds each device's truth. */
export class DeviceTruthCollector {
  private readonly devices = new Map<string, { ref: DeviceRef; events: ExpectedDeviceEvent[] }>();

  /** Records one unique event of `ref`. */
  add(ref: DeviceRef, event: ExpectedDeviceEvent): void {
    const entry = this.devices.get(ref.deviceKey);
    if (entry === undefined) this.devices.set(ref.deviceKey, { ref, events: [event] });
    else entry.events.push(event);
  }

  /** Every device seen, by device key. */
  finish(): ReadonlyMap<string, DeviceTruth> {
    const result = new Map<string, DeviceTruth>();
    for (const [key, { ref, events }] of this.devices) {
      const sorted = events.toSorted((a, b) => a.occurredMs - b.occurredMs);
      const { status, reinstallCount } = foldStatus(sorted);
      result.set(key, {
        ...ref,
        events: sorted,
        status,
        reinstallCount,
        firstSeenMs: sorted[0]?.occurredMs ?? 0,
        lastSeenMs: sorted.at(-1)?.occurredMs ?? 0,
      });
    }
    return result;
  }
}

/** How many devices end in each status. */
export function countStatuses(
  devices: ReadonlyMap<string, DeviceTruth>,
): Readonly<Record<ExpectedStatus, number>> {
  const counts: Record<ExpectedStatus, number> = { INSTALLED: 0, ACTIVE: 0, UNREGISTERED: 0 };
  for (const device of devices.values()) counts[device.status] += 1;
  return counts;
}
