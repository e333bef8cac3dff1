import { describe, expect, it } from 'vitest';
import { RTDS_ACCEPT, buildRtdsRequest, streamId, type RtdsStreamConfig } from '../src/core/rtds-request.js';

const events: RtdsStreamConfig = {
  baseUrl: 'https://connect.urbanairship.com/',
  endpoint: 'events',
  appKey: 'APPKEY',
  credentials: { kind: 'bearer', token: 'tok' },
  start: 'EARLIEST',
  filters: [{ types: ['OPEN', 'FIRST_OPEN'] }],
  subset: { type: 'PARTITION', count: 4, selection: 2 },
};

describe('buildRtdsRequest', () => {
  it('starts from the configured start when there is no checkpoint', () => {
    const request = buildRtdsRequest(events, undefined);
    expect(request.url).toBe('https://connect.urbanairship.com/api/events');
    expect(JSON.parse(request.body)).toEqual({
      start: 'EARLIEST',
      filters: [{ types: ['OPEN', 'FIRST_OPEN'] }],
      subset: { type: 'PARTITION', count: 4, selection: 2 },
      enable_offset_updates: true,
    });
    expect(request.headers).toEqual({
      accept: RTDS_ACCEPT,
      'content-type': 'application/json',
      'accept-encoding': 'gzip, deflate',
      'x-ua-appkey': 'APPKEY',
      authorization: 'Bearer tok',
    });
  });

  it('resumes from the checkpoint and never sends both start and resume_offset', () => {
    const body = JSON.parse(buildRtdsRequest(events, 'MTAwMA').body) as Record<string, unknown>;
    expect(body.resume_offset).toBe('MTAwMA');
    expect(body).not.toHaveProperty('start');
  });

  it('uses Basic auth on the compliance endpoint and omits empty filters', () => {
    const request = buildRtdsRequest(
      {
        ...events,
        endpoint: 'compliance',
        credentials: { kind: 'basic', username: 'app_key', password: 'master_secret' },
        filters: [],
        subset: undefined,
      },
      undefined,
    );
    expect(request.url).toBe('https://connect.urbanairship.com/api/events/general');
    expect(request.headers.authorization).toBe('Basic YXBwX2tleTptYXN0ZXJfc2VjcmV0');
    expect(JSON.parse(request.body)).toEqual({ start: 'EARLIEST', enable_offset_updates: true });
  });
});

describe('streamId', () => {
  it('names app, endpoint and subset selection', () => {
    expect(streamId(events)).toBe('APPKEY:events:partition-2-of-4');
    expect(streamId({ appKey: 'A', endpoint: 'compliance' })).toBe('A:compliance:all');
  });
});
