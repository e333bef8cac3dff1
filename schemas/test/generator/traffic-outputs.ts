import type { Traffic } from '../../src/generator/index.js';

/** Every line and body of every source of `traffic`, in order (small runs only). */
export function allOutputs(traffic: Traffic): {
  rtds: string[];
  compliance: string[];
  cm: string[];
  track: string[];
} {
  return {
    rtds: [...traffic.rtds.lines()],
    compliance: [...traffic.compliance.lines()],
    cm: [...traffic.cm.bodies()],
    track: [...traffic.track.bodies()],
  };
}

/** Small budgets, so a test can afford to render every source several times. */
export const SMALL = {
  devices: 120,
  rtds: { events: 1500 },
  compliance: { events: 400, channels: 40 },
  cm: { events: 400 },
  track: { messages: 500 },
} as const;
