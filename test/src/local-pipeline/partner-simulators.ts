import { startInfobipSimulator, type InfobipSimulator } from '../simulators/infobip/index.js';
import { startIntilerySimulator, type IntilerySimulator } from '../simulators/intilery/index.js';

/** The Infobip and Intilery simulators the sink talks to when no real partner is configured. */
export interface PartnerSimulators {
  readonly infobip: InfobipSimulator;
  readonly intilery: IntilerySimulator;
}

/**
 * Starts both partner simulators. Infobip creates registrations on first use, standing in for the apps'
 * SDKs. `unlimited` lifts their documented rate limits (Infobip's 50 requests/s, Intilery's 100), so a
 * benchmark measures the sink rather than a partner's quota.
 */
export async function startPartnerSimulators(
  options: { readonly unlimited?: boolean } = {},
): Promise<PartnerSimulators> {
  const limits = options.unlimited === true ? { rateLimit: { perSecond: Number.POSITIVE_INFINITY } } : {};
  const infobip = await startInfobipSimulator({ ...limits, autoRegister: true });
  try {
    return { infobip, intilery: await startIntilerySimulator(limits) };
  } catch (error) {
    await infobip.close();
    throw error;
  }
}
