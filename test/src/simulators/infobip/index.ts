/** The Infobip People API (push contact information) simulator: what the sink's tests and benchmark call. */
export { startInfobipSimulator, type InfobipSimulator } from './infobip-simulator.js';
export type {
  InfobipRequestRecord,
  InfobipSimOperation,
  InfobipSimulatorOptions,
  InfobipSimulatorStats,
} from './infobip-options.js';
export type { InfobipBusinessError } from './infobip-errors.js';
export type { PartnerFault, RandomFaults } from '../partner-http/partner-faults.js';
export type { RegistrationView, SimIdentity } from './people-store.js';
