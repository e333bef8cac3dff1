/**
 * The `simulators` profile of docker-compose.yml: the RTDS simulator on the connector's loopback (the
 * container shares the connector's network namespace) and the demo feed to the connector's webhooks, with
 * the demo credentials the compose file gives both sides. Run as `node dist/ops/compose-demo.js`.
 */
import { DEFAULT_APPS } from '@pushstream/schemas';
import { startDemoTraffic } from '../local-pipeline/demo-traffic.js';
import { startRtdsSimulator } from '../simulators/rtds/index.js';

function required(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name} is required`);
  return value;
}

const rtds = await startRtdsSimulator({
  port: Number(process.env.RTDS_SIMULATOR_PORT ?? '7070'),
  appKey: required('RTDS_APP_KEY'),
  token: required('RTDS_TOKEN'),
  masterSecret: required('RTDS_MASTER_SECRET'),
  keepaliveMs: 2000,
});
// The compose file configures webhook sources for the first demo app only.
const apps = DEFAULT_APPS.filter((app) => app.airshipAppKey === rtds.appKey).slice(0, 1);
const first = apps[0];
if (first === undefined) throw new Error(`RTDS_APP_KEY ${rtds.appKey} is not a demo app`);
const demo = startDemoTraffic(
  {
    rtds,
    webhookUrl: required('WEBHOOK_URL'),
    authorization: new Map([
      [`cm/${first.cmAppKey}`, required('CM_AUTHORIZATION')],
      [`track/${first.writeKey}`, required('TRACK_AUTHORIZATION')],
    ]),
  },
  {
    apps,
    eventsPerSecond: Number(process.env.DEMO_EVENTS_PER_SECOND ?? '200'),
    onRejected: (route, status, body) => console.error(`demo: ${route} answered ${status}: ${body}`),
  },
);
console.log(`simulators: RTDS at ${rtds.url}, demo feed to ${process.env.WEBHOOK_URL ?? ''}`);
const stop = () => {
  void demo.stop().then(async () => {
    await rtds.close();
    process.exit(0);
  });
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
