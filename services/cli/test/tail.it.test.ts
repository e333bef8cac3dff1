import { afterAll, describe, expect, it } from 'vitest';
import { waitFor } from '@pushstream/test-kit';
import type { DeviceEvent } from '@pushstream/schemas';
import type { DecodedRecord } from '../src/index.js';
import { CliWorld, sampleValue } from './support/cli-harness.js';

const world = new CliWorld();

async function readerGroups(): Promise<string[]> {
  const admin = world.kafka.admin();
  await admin.connect();
  try {
    return (await admin.listGroups()).groups
      .map((g) => g.groupId)
      .filter((id) => id.startsWith('pushstream-reader-'));
  } finally {
    await admin.disconnect();
  }
}
afterAll(() => world.close());

const T0 = Date.parse('2026-11-20T10:00:00Z');
const KINDS = ['INSTALLED', 'OPENED', 'OPENED', 'UPDATED', 'OPENED', 'CLOSED'] as const;

function ndjson(text: string): DecodedRecord[] {
  return text
    .trim()
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as DecodedRecord);
}

describe('pushstream tail', () => {
  it('decodes Avro through the registry and filters by field, key, time and count', async () => {
    await world.provision(['device-events.v1', 'raw.cm-push.v1']);
    const events = KINDS.map((kind, i) =>
      sampleValue<DeviceEvent>('DeviceEvent', {
        eventId: `ev-${i}`,
        kind,
        deviceKey: `cm:app:dev-${i % 3}`,
        appKey: 'app',
      }),
    );
    await world.produce(
      await Promise.all(
        events.map(async (event, i) => ({
          topic: world.topic('device-events.v1'),
          key: event.deviceKey,
          value: await world.encode('device-events.v1', event),
          timestampMs: T0 + i * 60_000,
        })),
      ),
    );

    const all = ndjson((await world.cli(['--json', 'tail', 'device-events.v1', '--from-beginning'])).stdout);
    expect(all.map((r) => (r.value as DeviceEvent).eventId).sort()).toEqual(
      events.map((e) => e.eventId).sort(),
    );

    const opened = ndjson(
      (await world.cli(['--json', 'tail', 'device-events.v1', '--from-beginning', '--where', 'kind=OPENED']))
        .stdout,
    );
    expect(opened.map((r) => (r.value as DeviceEvent).eventId).sort()).toEqual(['ev-1', 'ev-2', 'ev-4']);

    const notOpened = ndjson(
      (
        await world.cli([
          '--json',
          'tail',
          'device-events.v1',
          '--from-beginning',
          '--where',
          'kind!=OPENED',
          '--where',
          'deviceKey=cm:app:dev-0',
        ])
      ).stdout,
    );
    expect(notOpened.map((r) => (r.value as DeviceEvent).eventId)).toEqual(['ev-0', 'ev-3']);

    const byKey = ndjson(
      (await world.cli(['--json', 'tail', 'device-events.v1', '--from-beginning', '--key', 'cm:app:dev-1']))
        .stdout,
    );
    expect(byKey.map((r) => r.key)).toEqual(['cm:app:dev-1', 'cm:app:dev-1']);
    expect(byKey.map((r) => (r.value as DeviceEvent).eventId)).toEqual(['ev-1', 'ev-4']);

    const since = ndjson(
      (
        await world.cli([
          '--json',
          'tail',
          'device-events.v1',
          '--since',
          new Date(T0 + 4 * 60_000).toISOString(),
        ])
      ).stdout,
    );
    expect(since.map((r) => (r.value as DeviceEvent).eventId).sort()).toEqual(['ev-4', 'ev-5']);

    // Without a start option: the last --limit records over all partitions, oldest first.
    const last = ndjson((await world.cli(['--json', 'tail', 'device-events.v1', '--limit', '2'])).stdout);
    expect(last.map((r) => (r.value as DeviceEvent).eventId)).toEqual(['ev-4', 'ev-5']);

    const limited = ndjson(
      (await world.cli(['--json', 'tail', 'device-events.v1', '--from-beginning', '--limit', '4'])).stdout,
    );
    expect(limited).toHaveLength(4);

    const text = await world.cli(['tail', 'device-events.v1', '--from-beginning', '--where', 'eventId=ev-5']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /^2026-11-20T10:05:00\.000Z \d+@\d+ key=cm:app:dev-2 \{"eventId":"ev-5",.*"kind":"CLOSED"/,
    );
  });

  it('shows raw topics as JSON or text, undecodable values as hex with the reason', async () => {
    const topic = world.topic('raw.cm-push.v1');
    await world.produce([
      {
        topic,
        key: 'cm:app:x',
        value: '{"type":"ClientInstalled","n":1}',
        headers: { 'pushstream-source': 'cm' },
      },
      { topic, key: 'cm:app:y', value: 'not json at all' },
    ]);
    const records = ndjson(
      (await world.cli(['--json', 'tail', 'raw.cm-push.v1', '--from-beginning'])).stdout,
    ).sort((a, b) => String(a.key).localeCompare(String(b.key)));
    expect(records.map((r) => r.value)).toEqual([{ type: 'ClientInstalled', n: 1 }, 'not json at all']);
    expect(records[0]?.headers).toEqual({ 'pushstream-source': 'cm' });
    const asText = ndjson(
      (
        await world.cli([
          '--json',
          'tail',
          'raw.cm-push.v1',
          '--from-beginning',
          '--format',
          'text',
          '--key',
          'cm:app:x',
        ])
      ).stdout,
    );
    expect(asText.map((r) => r.value)).toEqual(['{"type":"ClientInstalled","n":1}']);

    const forcedAvro = ndjson(
      (
        await world.cli([
          '--json',
          'tail',
          'raw.cm-push.v1',
          '--from-beginning',
          '--format',
          'avro',
          '--key',
          'cm:app:y',
        ])
      ).stdout,
    );
    expect(forcedAvro[0]?.value).toBe(Buffer.from('not json at all').toString('hex'));
    expect(forcedAvro[0]?.decodeError).toMatch(/magic byte/);
  });

  it('follows new records until --limit, and until Ctrl-C', async () => {
    const topic = world.topic('raw.cm-push.v1');
    const before = await readerGroups();
    const following = world.cli(['--json', 'tail', 'raw.cm-push.v1', '--follow', '--limit', '2']);
    // The reader's group is created once the end offsets it starts from are taken: what comes later is new.
    await waitFor('the follower took its start offsets', async () =>
      (await readerGroups()).some((group) => !before.includes(group)),
    );
    await world.produce([
      { topic, key: 'cm:app:f1', value: '{"n":"f1"}' },
      { topic, key: 'cm:app:f2', value: '{"n":"f2"}' },
      { topic, key: 'cm:app:f3', value: '{"n":"f3"}' },
    ]);
    const result = await following;
    expect(result.code).toBe(0);
    expect(ndjson(result.stdout)).toHaveLength(2);
    expect(ndjson(result.stdout).every((r) => String(r.key).startsWith('cm:app:f'))).toBe(true);

    const abort = new AbortController();
    let seen = '';
    let notes = '';
    const untilAborted = world.cli(['tail', 'raw.cm-push.v1', '--follow', '--key', 'cm:app:g'], {
      io: { signal: abort.signal, stdout: (t) => (seen += t), stderr: (t) => (notes += t) },
    });
    // Printed once the start offsets are taken.
    await waitFor('the follow note', () => notes.includes(`following ${topic}`));
    await world.produce([{ topic, key: 'cm:app:g', value: '{"n":"g"}' }]);
    await waitFor('the followed record was printed', () => seen.includes('key=cm:app:g'));
    abort.abort();
    expect((await untilAborted).code).toBe(0);
    expect(seen.trim().split('\n')).toHaveLength(1);
    expect(seen).toMatch(/key=cm:app:g \{"n":"g"\}\n$/);
  });
});
