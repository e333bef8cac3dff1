/** A valid RTDS event of `type` (SEND unless told), to which a test applies one change. */
export function rtdsEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'ca2948b0-56ea-11e9-88dc-a142740a77e1',
    offset: '1000022469540',
    occurred: '2019-04-04T15:03:22.545Z',
    processed: '2019-04-04T15:12:54.657Z',
    type: 'SEND',
    device: { channel: '1ef235f0-03d5-1384-893e-a19b5cd0d110', device_type: 'IOS' },
    body: { push_id: '0c173744-dd35-4b5e-9f7f-2b7e0ce0e36e' },
    ...overrides,
  };
}

/** The same event as an NDJSON line. */
export function rtdsLine(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify(rtdsEvent(overrides));
}
