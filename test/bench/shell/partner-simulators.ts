import { DEFAULT_APPS } from '@pushstream/schemas';
import {
  simulatedPartnerAccounts,
  startInfobipSimulator,
  startIntilerySimulator,
} from '@pushstream/test-kit';

/** Partner simulators for the sink stage, and the sink environment that points at them. */
export interface BenchPartners {
  /** SINK_PARTNERS for the simulators, and the sink's own rate limits lifted. */
  readonly env: Readonly<Record<string, string>>;
  close(): Promise<void>;
}

/**
 * Starts the Infobip and Intilery simulators without their documented rate limits (the launcher's default
 * ones enforce Infobip's 50 requests/s), Infobip creating registrations on first use as the apps' SDKs
 * would, so the sink stage measures the sink rather than a partner's quota.
 */
export async function startUnlimitedPartners(): Promise<BenchPartners> {
  const unlimited = { rateLimit: { perSecond: Number.POSITIVE_INFINITY } };
  const infobip = await startInfobipSimulator({ ...unlimited, autoRegister: true });
  const intilery = await startIntilerySimulator(unlimited).catch(async (error: unknown) => {
    await infobip.close();
    throw error;
  });
  return {
    env: {
      SINK_PARTNERS: simulatedPartnerAccounts(DEFAULT_APPS, { infobip, intilery }),
      INFOBIP_RATE_LIMIT: '0',
      INTILERY_RATE_LIMIT: '0',
    },
    close: async () => {
      await Promise.all([infobip.close(), intilery.close()]);
    },
  };
}
