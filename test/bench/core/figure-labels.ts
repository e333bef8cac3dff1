/** Human labels (with units) of the extra figures scenarios report; unknown names are shown as they are. */
export const FIGURE_LABELS: Readonly<Record<string, string>> = {
  dedupeBytesPerId: 'dedupe bytes per remembered id (service estimate)',
  rememberedIds: 'ids remembered by dedupe',
  bytesPerDevice: 'heap bytes per device held (estimate)',
  devices: 'devices held',
  restoreSeconds: 'state restore time, s',
  restoredKeys: 'keys restored',
  heapBytesPerDevice: 'heap bytes per device held (heap used after the restore ÷ devices)',
  startToReadySeconds: 'process start to ready (restore included), s',
  stateChangesWhileRestoring: 'state records written during the measurement (0 = restore only)',
  restoreSecondsPer1MKeys:
    'restore time per 1M keys, s (linear from the keys restored, fixed costs included: an upper bound)',
  recordsPerSecondWithStart: 'records/s including process start',
  consumeRecordsPerSecondWithJoin: 'records/s including group join',
  produceMegabytesPerSecond: 'MB/s produced',
  non2xx: 'non-2xx answers',
  requests: 'requests answered',
  inputRecords: 'input records',
  outputRecords: 'output records',
  deadLettered: 'records dead-lettered',
  latencySamples: 'latency samples',
  sampleCoverage: 'share of emitted events with a latency sample',
  emittedPerSecond: 'events/s emitted by the feeder',
  lagSlopePerSecond: 'lag growth, events/s (2nd half of the step)',
  sustained: 'sustained (1 = yes)',
  p50ToRawMs: 'p50 ms emission → raw topic (connector hop)',
  p99ToRawMs: 'p99 ms emission → raw topic (connector hop)',
  p50ToDeviceEventsMs: 'p50 ms emission → device-events (through the normalizer)',
  p99ToDeviceEventsMs: 'p99 ms emission → device-events (through the normalizer)',
  restartToReadySeconds: 'restart to ready, s',
  probes: 'load steps tried',
  infobipRequests: 'requests to the Infobip simulator',
  intileryRequests: 'requests to the Intilery simulator',
  callsSkipped: 'partner calls skipped (already in sync)',
  infobipNotApplicable: 'device states Infobip does not apply to (by pushstream_sink_states_not_applicable_total)',
  intileryNotApplicable: 'device states Intilery does not apply to (RTDS devices have no FCM token)',
  undecodableRecords: 'records the end-to-end readers could not decode',
};

/** The label of an extra figure. */
export function figureLabel(name: string): string {
  return FIGURE_LABELS[name] ?? name;
}
