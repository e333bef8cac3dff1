import { DEFAULT_APPS } from '@pushstream/schemas';
import { simulatedPartnerAccounts, startPartnerSimulators } from '@pushstream/test-kit';

/** Partner simulators for the sink stage, and the sink environment that points at them. */
export interface BenchPartners {
  /** SINK_PARTNERS for the simulators, and the sink's own rate limits lifted. */
  readonly env: Readonly<Record<string, string>>;
  close(): Promise<void>;
}

/** The launcher's partner simulators without their rate limits, and the sink's own limits lifted. */
export async function startUnlimitedPartners(): Promise<BenchPartners> {
  const partners = await startPartnerSimulators({ unlimited: true });
  return {
    env: {
      SINK_PARTNERS: simulatedPartnerAccounts(DEFAULT_APPS, partners),
      INFOBIP_RATE_LIMIT: '0',
      INTILERY_RATE_LIMIT: '0',
    },
    close: async () => {
      await Promise.all([partners.infobip.close(), partners.intilery.close()]);
    },
  };
}
