import type { DeviceEvent, DeviceSession, DeviceState, DeviceTruth, Traffic } from '@pushstream/schemas';
import type { Kafka } from 'kafkajs';
import { referenceSessions, type ReferenceSession, type RunningPipeline } from '../../../src/index.js';
import { lastValuePerKey, readDecoded, type DecodedRecord } from './decoded-topic.js';
import { WATERMARK_KEY_PREFIX } from './stream-watermark.js';

/** A poison record the test wrote into a raw topic, and the code the normalizer must give it. */
export interface InjectedPoison {
  readonly topic: string;
  readonly key: string;
  readonly value: string;
  readonly code: string;
}

/** The figures the suite prints and asserts on. */
export interface AuditFigures {
  readonly uniqueEventsGenerated: number;
  readonly eventsDelivered: number;
  readonly duplicateEventIds: number;
  readonly lostEvents: number;
  readonly unexpectedEvents: number;
  readonly devicesExpected: number;
  readonly stateMismatches: number;
  readonly missingDevices: number;
  /** Sessions of the model: gap clustering of every delivered activity event. */
  readonly sessionsExpected: number;
  /** Distinct sessions in device-sessions.v1. */
  readonly sessions: number;
  /** Sessions missing, unexpected, emitted twice differently, or different from the model. */
  readonly sessionProblems: number;
  readonly poisonInjected: number;
  readonly poisonDeadLettered: number;
  readonly infobipMismatches: number;
  readonly intileryMismatches: number;
  /** A few concrete differences, for the failure message. */
  readonly examples: readonly string[];
}

/** Reads every output topic and the partner simulators and compares them with the model of the traffic. */
export async function auditPipeline(
  kafka: Kafka,
  pipeline: RunningPipeline,
  traffic: Traffic,
  poison: readonly InjectedPoison[],
  options: { readonly sessionGapMs: number },
): Promise<AuditFigures> {
  const topic = (name: string) => `${pipeline.context.topicPrefix}${name}`;
  const examples: string[] = [];
  const note = (line: string) => {
    if (examples.length < 12) examples.push(line);
  };
  const summary = traffic.summary();

  // device-events.v1: every unique source event exactly once.
  const events = (await readDecoded<DeviceEvent>(kafka, topic('device-events.v1'), 'DeviceEvent')).filter(
    (record) => !record.key.startsWith(WATERMARK_KEY_PREFIX),
  );
  const expectedIds = new Set<string>([...summary.rtds.uniqueIds, ...summary.track.uniqueMessageIds]);
  const seen = new Map<string, number>();
  const cmIds = new Set<string>();
  let unexpectedEvents = 0;
  for (const record of events) {
    const event = record.value;
    if (event === null) continue;
    seen.set(event.eventId, (seen.get(event.eventId) ?? 0) + 1);
    if (event.source === 'CM') cmIds.add(event.eventId);
    else if (!expectedIds.has(event.eventId)) {
      unexpectedEvents += 1;
      note(`unexpected event ${event.eventId} (${event.source} ${event.sourceType})`);
    }
  }
  const duplicateEventIds = [...seen.values()].filter((count) => count > 1).length;
  let lostEvents = 0;
  for (const id of expectedIds) {
    if (!seen.has(id)) {
      lostEvents += 1;
      note(`lost event ${id}`);
    }
  }
  // CM events have no source id: the normalizer derives one, so they are counted, not matched.
  const distinctCm = cmIds.size;
  lostEvents += Math.max(0, summary.cm.uniqueEvents - distinctCm);
  unexpectedEvents += Math.max(0, distinctCm - summary.cm.uniqueEvents);
  if (distinctCm !== summary.cm.uniqueEvents)
    note(`CM events: ${distinctCm} distinct, ${summary.cm.uniqueEvents} generated`);

  // device-state.v1: the last value per device equals the model (status, reinstalls, first/last seen).
  const states = lastValuePerKey(
    (await readDecoded<DeviceState>(kafka, topic('device-state.v1'), 'DeviceState')).filter(
      (record) => !record.key.startsWith(WATERMARK_KEY_PREFIX),
    ),
  );
  const truth = new Map<string, DeviceTruth>([
    ...summary.rtds.devices,
    ...summary.cm.devices,
    ...summary.track.devices,
  ]);
  let stateMismatches = 0;
  let missingDevices = 0;
  for (const [key, expected] of truth) {
    const state = states.get(key);
    if (state === undefined) {
      missingDevices += 1;
      note(`no device-state for ${key}`);
      continue;
    }
    const wrong: string[] = [];
    if (state.status !== expected.status) wrong.push(`status ${state.status} ≠ ${expected.status}`);
    if (state.reinstallCount !== expected.reinstallCount)
      wrong.push(`reinstallCount ${state.reinstallCount} ≠ ${expected.reinstallCount}`);
    if (Number(state.firstSeenAt) !== expected.firstSeenMs)
      wrong.push(`firstSeenAt ${Number(state.firstSeenAt)} ≠ ${expected.firstSeenMs}`);
    if (wrong.length > 0) {
      stateMismatches += 1;
      note(`${key}: ${wrong.join(', ')}`);
    }
  }

  // device-sessions.v1: one content per session id, and together exactly the model's sessions (the suite
  // closes every window at the end by moving stream time past them; see stream-watermark.ts).
  const sessionRecords = await readDecoded<DeviceSession>(
    kafka,
    topic('device-sessions.v1'),
    'DeviceSession',
  );
  const sessions = new Map<string, DeviceSession>();
  let sessionProblems = 0;
  for (const record of sessionRecords) {
    const session = record.value;
    if (session === null) continue;
    const earlier = sessions.get(session.sessionId);
    if (earlier !== undefined && JSON.stringify(earlier) !== JSON.stringify(session)) {
      sessionProblems += 1;
      note(`session ${session.sessionId} emitted twice with different content`);
    }
    sessions.set(session.sessionId, session);
  }
  const modelSessions = referenceSessions(
    events.flatMap((record) => (record.value === null ? [] : [record.value])),
    options.sessionGapMs,
  );
  const asModel = (session: DeviceSession): ReferenceSession => ({
    sessionId: session.sessionId,
    startedAt: Number(session.startedAt),
    endedAt: Number(session.endedAt),
    eventCount: session.eventCount,
    openingPushId: session.openingPushId,
  });
  const modelIds = new Set<string>();
  for (const expected of modelSessions) {
    modelIds.add(expected.sessionId);
    const emitted = sessions.get(expected.sessionId);
    if (emitted === undefined) {
      sessionProblems += 1;
      note(`session ${expected.sessionId} (${expected.eventCount} events) not emitted`);
    } else if (JSON.stringify(asModel(emitted)) !== JSON.stringify(expected)) {
      sessionProblems += 1;
      note(
        `session ${expected.sessionId}: ${JSON.stringify(asModel(emitted))} ≠ ${JSON.stringify(expected)}`,
      );
    }
  }
  for (const id of sessions.keys()) {
    if (!modelIds.has(id)) {
      sessionProblems += 1;
      note(`session ${id} is not in the model`);
    }
  }

  // Dead letters: every poison record in dlq.normalizer.v1 with its code.
  const deadLetters = await readDecoded<Buffer>(kafka, topic('dlq.normalizer.v1'), 'bytes');
  let poisonDeadLettered = 0;
  for (const injected of poison) {
    const found = deadLetters.find(
      (record: DecodedRecord<Buffer>) =>
        record.key === injected.key && record.raw?.toString() === injected.value,
    );
    if (found?.headers['pushstream-error-code'] === injected.code) poisonDeadLettered += 1;
    else
      note(
        `poison ${injected.key}: ${found === undefined ? 'not dead-lettered' : `code ${found.headers['pushstream-error-code']}`}`,
      );
  }

  const partners = pipeline.partners;
  let infobipMismatches = 0;
  let intileryMismatches = 0;
  if (partners !== undefined) {
    for (const state of states.values()) {
      const registration = partners.infobip.registration(state.deviceId);
      const enabled = state.status !== 'UNREGISTERED' && state.pushOptIn !== false;
      const actual = registration?.registrationEnabled ?? false;
      const lifecycle = registration?.additionalData.lifecycleState;
      if (actual !== enabled || (registration !== undefined && lifecycle !== state.status)) {
        infobipMismatches += 1;
        note(
          `infobip ${state.deviceKey}: enabled ${String(actual)} (${String(lifecycle)}) but state ${state.status}`,
        );
      }
      const token = state.profile?.pushToken ?? null;
      const intileryExpected =
        state.status !== 'UNREGISTERED' &&
        !state.hardStale &&
        token !== null &&
        ['IOS', 'ANDROID', 'WEB'].includes(state.platform);
      if (intileryExpected && partners.intilery.device(state.deviceId)?.fcmToken !== token) {
        intileryMismatches += 1;
        note(`intilery ${state.deviceKey}: registration missing or stale`);
      }
    }
  }

  return {
    uniqueEventsGenerated: expectedIds.size + summary.cm.uniqueEvents,
    eventsDelivered: events.length,
    duplicateEventIds,
    lostEvents,
    unexpectedEvents,
    devicesExpected: truth.size,
    stateMismatches,
    missingDevices,
    sessionsExpected: modelSessions.length,
    sessions: sessions.size,
    sessionProblems,
    poisonInjected: poison.length,
    poisonDeadLettered,
    infobipMismatches,
    intileryMismatches,
    examples,
  };
}

/** True when the figures say the pipeline is complete and correct. */
export function auditPassed(figures: AuditFigures): boolean {
  return (
    figures.duplicateEventIds === 0 &&
    figures.lostEvents === 0 &&
    figures.unexpectedEvents === 0 &&
    figures.stateMismatches === 0 &&
    figures.missingDevices === 0 &&
    figures.sessionProblems === 0 &&
    figures.poisonDeadLettered === figures.poisonInjected &&
    figures.infobipMismatches === 0 &&
    figures.intileryMismatches === 0
  );
}
