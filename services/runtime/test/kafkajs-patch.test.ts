import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

/** The part of kafkajs' internal request queue the patch in `patches/kafkajs+2.2.4.patch` changes. */
interface RequestQueue {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: ReturnType<typeof setTimeout> | null;
  scheduleCheckPendingRequests(): void;
}

const require = createRequire(import.meta.url);
const RequestQueueClass = require('kafkajs/src/network/requestQueue/index.js') as new (options: {
  logger: { debug(): void; info(): void; warn(): void; error(): void };
}) => RequestQueue;

function queue(): RequestQueue {
  const quiet = () => undefined;
  return new RequestQueueClass({ logger: { debug: quiet, info: quiet, warn: quiet, error: quiet } });
}

describe('kafkajs request queue (patched by npm postinstall, kafkajs issue #1751)', () => {
  it('schedules no timer when nothing is pending and the broker does not throttle', () => {
    // Unpatched, every connection re-arms a 1 ms timer forever (and Node 24 warns about the negative delay).
    const idle = queue();
    idle.scheduleCheckPendingRequests();
    expect(idle.throttleCheckTimeoutId).toBeNull();
  });

  it('still schedules a check while requests are pending or the broker throttles', () => {
    const pending = queue();
    pending.pending.push({});
    pending.scheduleCheckPendingRequests();
    expect(pending.throttleCheckTimeoutId).not.toBeNull();
    if (pending.throttleCheckTimeoutId !== null) clearTimeout(pending.throttleCheckTimeoutId);

    const throttled = queue();
    throttled.throttledUntil = Date.now() + 60_000;
    throttled.scheduleCheckPendingRequests();
    expect(throttled.throttleCheckTimeoutId).not.toBeNull();
    if (throttled.throttleCheckTimeoutId !== null) clearTimeout(throttled.throttleCheckTimeoutId);
  });
});
