import type { TestProject } from 'vitest/node';
import { describeInfra, toEndpoints } from './describe-infra.js';
import { startInfra } from './start-infra.js';

import type {} from './vitest-context.js';

/**
 * Global setup of the `integration` project: starts the infrastructure once for the whole run, hands its
 * endpoints to the tests and stops it at the end.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const infra = await startInfra({ log: (line) => console.log(line) });
  console.log(describeInfra(infra, infra.timings));
  project.provide('infra', toEndpoints(infra));
  return () => infra.stop();
}
