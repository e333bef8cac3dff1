import { isoTime } from '../iso-time.js';
import type { Prng } from '../prng.js';
import { ResendMerger } from '../resend-merger.js';
import type { ResolvedTrafficOptions } from '../resolve-options.js';
import type { ItemSource } from '../timeline-queue.js';
import { rtdsLineOf, type RtdsDraft } from './rtds-draft.js';
import { OffsetSequence } from './rtds-offsets.js';
import type { RtdsLineRecord } from './rtds-records.js';

/**
 * Writes a stream the way the RTDS server does: each event line gets the next offset and its `processed`
 * time; keepalives (blank lines, or OFFSET_UPDATE events when offset updates are enabled) come between
 * events at the configured rate; a share of events is queued again as a duplicate, promptly or much later.
 * After the unique-event budget only the duplicates still pending are sent, so the rate holds.
 */
export function* writeRtdsLines(
  drafts: ItemSource<RtdsDraft>,
  quirks: ResolvedTrafficOptions['rtds'] | ResolvedTrafficOptions['compliance'],
  rng: Prng,
): Generator<RtdsLineRecord, void> {
  const offsets = new OffsetSequence(quirks.firstOffset, quirks.offsetEncoding, rng);
  const queue = new ResendMerger(drafts, quirks.events);
  let index = 0;
  for (;;) {
    const next = queue.next();
    if (next === undefined) return;
    const { time, item: draft, resent: duplicate } = next;
    if (rng.chance(quirks.keepaliveRate)) {
      if (quirks.enableOffsetUpdates) {
        // "The offset field will contain the offset of the last event considered for inclusion in the
        // stream whether or not it was actually sent": the last one sent, or one a filter dropped.
        const latest = offsets.latest();
        const offset = latest !== undefined && rng.chance(0.5) ? latest : offsets.next();
        const at = isoTime(time);
        const line = `{"type":"OFFSET_UPDATE","offset":"${offset.text}","occurred":"${at}","processed":"${at}"}`;
        yield { kind: 'offset-update', index: index++, line, timeMs: time, offset: offset.text };
      } else {
        yield { kind: 'keepalive', index: index++, line: '', timeMs: time };
      }
    }
    const offset = offsets.next();
    const processedMs = duplicate ? time : draft.processedMs;
    yield {
      kind: 'event',
      index: index++,
      line: rtdsLineOf(draft, offset.text, processedMs),
      timeMs: time,
      id: draft.id,
      type: draft.type,
      offset: offset.text,
      offsetSequence: offset.sequence,
      occurredMs: draft.occurredMs,
      processedMs,
      duplicate,
      device: draft.device,
      effect: draft.effect,
      unknownType: draft.unknownType,
      unknownFields: draft.unknownFields,
      latent: draft.latent,
      bigValue: draft.bigValue,
    };
    if (!duplicate && rng.chance(quirks.duplicateRate)) {
      const late = rng.chance(quirks.lateDuplicateShare);
      const delay = late ? quirks.lateDuplicateDelayMs : quirks.duplicateDelayMs;
      queue.resend(processedMs + Math.max(1, rng.int(delay.min, delay.max)), draft);
    }
  }
}
