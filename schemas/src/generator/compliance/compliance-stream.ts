import { Prng } from '../prng.js';
import { resolveTrafficOptions } from '../resolve-options.js';
import { writeRtdsLines } from '../rtds/rtds-line-writer.js';
import type { RtdsDraft } from '../rtds/rtds-draft.js';
import { rtdsStreamOf, type RtdsStream } from '../rtds/rtds-stream.js';
import { TimelineQueue, type Lane } from '../timeline-queue.js';
import type { TrafficOptions } from '../traffic-options.js';
import { createComplianceChannels, type ComplianceChannel } from './compliance-channels.js';
import { ComplianceRenderer } from './compliance-renderer.js';
import { complianceScript } from './compliance-script.js';
import type { ComplianceStep } from './compliance-step.js';

/**
 * The compliance stream of `POST /api/events/general`: only COMPLIANCE events, of email and SMS channels,
 * with the same stream quirks as the event stream (`options.compliance`). An undocumented type here is an
 * undocumented `event_type`.
 */
export function createComplianceStream(options: TrafficOptions = {}): RtdsStream {
  const resolved = resolveTrafficOptions(options);
  return rtdsStreamOf(resolved, function* records() {
    const appKey = resolved.compliance.appKey;
    const renderer = new ComplianceRenderer(new Prng(resolved.seed, 'compliance-render'), resolved);
    const lanes: Lane<ComplianceChannel, ComplianceStep>[] = createComplianceChannels(resolved)
      .filter((channel) => appKey === undefined || channel.app.airshipAppKey === appKey)
      .map((channel) => ({ context: channel, steps: complianceScript(channel, resolved) }));
    const queue = new TimelineQueue<ComplianceChannel, ComplianceStep, RtdsDraft>(
      lanes,
      (step, channel, schedule) => {
        renderer.render(step, channel, schedule);
      },
    );
    yield* writeRtdsLines(queue, resolved.compliance, new Prng(resolved.seed, 'compliance-stream'));
  });
}
