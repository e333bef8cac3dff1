import type { IntilerySimulator } from '@pushstream/test-kit';
import { parsePartners, type PartnersSource } from '../../src/index.js';

/** Partner config with one Intilery account, the simulator's, for `app`; never reloaded. */
export function simulatedIntilery(sim: IntilerySimulator, app: string): PartnersSource {
  const account = {
    baseUrl: sim.url,
    clientId: sim.clientId,
    accountId: sim.accountId,
    authToken: sim.authToken(),
  };
  const config = parsePartners(JSON.stringify({ intilery: { [app]: account } }), 'test');
  return { current: () => config, reload: () => ({ changed: false }) };
}
