import { afterEach, describe, expect, it } from 'vitest';
import { HealthState, createPipelineMetrics, startOpsServer, type OpsServer } from '../src/index.js';

let server: OpsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('ops server', () => {
  it('serves metrics with the pushstream_ set and probe states', async () => {
    const metrics = createPipelineMetrics({ stage: 'normalizer', version: '1.2.3' });
    const health = new HealthState();
    server = await startOpsServer({ port: 0, host: '127.0.0.1', registry: metrics.registry, health });
    const base = `http://127.0.0.1:${server.port}`;

    metrics.recordsConsumed.inc({ stage: 'normalizer', topic: 'raw' }, 3);
    const body = await (await fetch(`${base}/metrics`)).text();
    expect(body).toContain('pushstream_records_consumed_total{stage="normalizer",topic="raw"} 3');
    expect(body).toContain(
      'pushstream_dead_lettered_total{stage="normalizer",reason="RECORD_INVALID_JSON"} 0',
    );
    expect(body).toContain('pushstream_build_info{version="1.2.3"');
    expect(body).toContain('process_cpu_seconds_total');

    let ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ ok: false, reasons: ['service is starting'] });
    health.setReady('starting');
    ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);

    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    health.markDead('consumer crashed: boom');
    const live = await fetch(`${base}/healthz`);
    expect(live.status).toBe(503);
    expect(await live.json()).toEqual({ ok: false, reason: 'consumer crashed: boom' });
    expect((await fetch(`${base}/readyz`)).status).toBe(503);
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  });
});
