/** The Intilery tracking-API simulator: what the sink's tests and benchmark call. */
export { startIntilerySimulator, type IntilerySimulator } from './intilery-simulator.js';
export type {
  IntileryAppliedEvent,
  IntileryDevice,
  IntileryRequestRecord,
  IntilerySimulatorOptions,
  IntilerySimulatorStats,
} from './intilery-options.js';
