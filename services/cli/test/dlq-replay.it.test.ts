import { afterAll, describe, expect, it } from 'vitest';
import { readTopic } from '@pushstream/test-kit';
import { PushstreamError, deadLetterRecord, errorHeaders, type ConsumedRecord } from '@pushstream/runtime';
import type { DlqReplayReport } from '../src/index.js';
import { CliWorld } from './support/cli-harness.js';

const world = new CliWorld();
afterAll(() => world.close());

function deadLetter(source: ConsumedRecord, code: 'RECORD_INVALID_JSON' | 'RECORD_SCHEMA_VIOLATION') {
  return deadLetterRecord({
    dlqTopic: world.topic('dlq.normalizer.v1'),
    stage: 'normalizer',
    record: source,
    error: new PushstreamError(code, `${code} at ${source.offset}`),
    now: new Date('2026-11-22T10:00:00Z'),
  });
}

describe('pushstream dlq replay', () => {
  it('re-injects dead letters into their source topic once, committing as it goes', async () => {
    await world.provision(['raw.cm-push.v1', 'raw.track.v1']);
    await world.provision(['dlq.normalizer.v1'], 1);
    const cm = world.topic('raw.cm-push.v1');
    const track = world.topic('raw.track.v1');
    // The originals, as the connector wrote them; the normalizer dead-lettered them.
    await world.produce([
      { topic: cm, key: 'cm:app:1', value: '{"bad":', headers: { 'pushstream-source': 'cm' } },
      { topic: cm, key: 'cm:app:2', value: '{"also bad":', headers: { 'pushstream-source': 'cm' } },
      {
        topic: track,
        key: 'track:w:3',
        value: '{"type":"track"}',
        headers: { 'pushstream-source': 'track' },
      },
    ]);
    const originals = [...(await readTopic(world.kafka, cm)), ...(await readTopic(world.kafka, track))];
    expect(originals).toHaveLength(3);
    const asConsumed = (topic: string, r: (typeof originals)[number]): ConsumedRecord => ({
      topic,
      partition: r.partition,
      offset: r.offset,
      key: r.key === null ? null : Buffer.from(r.key),
      value: r.value,
      headers: r.headers,
      timestampMs: 0,
    });
    const dlq = world.topic('dlq.normalizer.v1');
    await world.produce([
      ...originals
        .filter((r) => r.key?.startsWith('cm:') === true)
        .map((r) => deadLetter(asConsumed(cm, r), 'RECORD_INVALID_JSON')),
      ...originals
        .filter((r) => r.key?.startsWith('track:') === true)
        .map((r) => deadLetter(asConsumed(track, r), 'RECORD_SCHEMA_VIOLATION')),
      // A dead letter that never was in a topic (like the connector's unparsable stream lines).
      {
        topic: dlq,
        key: 'line',
        value: 'garbage',
        headers: errorHeaders(new PushstreamError('RECORD_INVALID_JSON', 'x'), 'normalizer', new Date()),
      },
    ]);

    const dry = await world.json<DlqReplayReport>(['dlq', 'replay', 'normalizer', '--dry-run']);
    expect(dry).toEqual({
      service: 'normalizer',
      dlqTopic: dlq,
      group: `${world.prefix}cli.dlq-replay.normalizer`,
      dryRun: true,
      pending: 4,
      summary: [
        {
          target: '(skipped: no pushstream-source-topic header)',
          errorCode: 'RECORD_INVALID_JSON',
          records: 1,
        },
        { target: cm, errorCode: 'RECORD_INVALID_JSON', records: 2 },
        { target: track, errorCode: 'RECORD_SCHEMA_VIOLATION', records: 1 },
      ],
      replayed: 0,
      skipped: 0,
    });
    expect(await readTopic(world.kafka, cm)).toHaveLength(2);

    // No terminal and no --yes: refused, nothing changed.
    const refused = await world.cli(['dlq', 'replay', 'normalizer']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('pass --yes');
    // A "no" at the prompt: aborted, nothing changed.
    const declined = await world.cli(['dlq', 'replay', 'normalizer'], {
      io: { confirm: () => Promise.resolve(false) },
    });
    expect(declined.code).toBe(1);
    expect(declined.stderr).toContain('OPERATION_ABORTED');
    expect(await readTopic(world.kafka, cm)).toHaveLength(2);

    let asked = '';
    const replay = await world.json<DlqReplayReport>(['dlq', 'replay', 'normalizer'], {
      io: { confirm: (question) => ((asked = question), Promise.resolve(true)) },
    });
    expect(asked).toBe(`Replay 3 dead letter(s) of ${dlq} into ${cm}, ${track}?`);
    expect(replay).toMatchObject({ dryRun: false, pending: 4, replayed: 3, skipped: 1 });

    const cmAfter = await readTopic(world.kafka, cm);
    expect(cmAfter).toHaveLength(4);
    const replayedCm = cmAfter.filter(
      (r) => !originals.some((o) => o.partition === r.partition && o.offset === r.offset && o.key === r.key),
    );
    expect(replayedCm.map((r) => [r.key, r.value?.toString()]).sort()).toEqual([
      ['cm:app:1', '{"bad":'],
      ['cm:app:2', '{"also bad":'],
    ]);
    for (const record of replayedCm) {
      // Original headers back, dead-letter headers gone; same key, so the same partition as the original.
      expect(record.headers).toEqual({ 'pushstream-source': 'cm' });
      expect(record.partition).toBe(originals.find((o) => o.key === record.key)?.partition);
    }
    expect(await readTopic(world.kafka, track)).toHaveLength(2);

    // Run again: nothing left to replay, nothing produced.
    const again = await world.json<DlqReplayReport>(['dlq', 'replay', 'normalizer', '--yes']);
    expect(again).toMatchObject({ pending: 0, replayed: 0 });
    expect(await readTopic(world.kafka, cm)).toHaveLength(4);

    // A new dead letter: only it is replayed.
    const [first] = originals;
    if (first === undefined) throw new Error('no original');
    await world.produce([deadLetter(asConsumed(cm, first), 'RECORD_INVALID_JSON')]);
    const text = await world.cli(['dlq', 'replay', 'normalizer', '--yes']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`Replayed 1 dead letter(s) of ${dlq}, skipped 0`);
    expect(await readTopic(world.kafka, cm)).toHaveLength(5);
  });
});
