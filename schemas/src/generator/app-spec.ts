/** One app of the simulated company, with its key in each source. */
export interface AppSpec {
  /** Display name, e.g. `Shop`. */
  readonly name: string;
  /** Airship app key (`X-UA-Appkey`), the `<app>` of `airship:` device keys. */
  readonly airshipAppKey: string;
  /** CM.com app key: the `to.number` of its webhooks (a hyphen-less GUID). */
  readonly cmAppKey: string;
  /** Segment/Intilery write key of its track source, the `<app>` of `track:` device keys. */
  readonly writeKey: string;
  /** Package / bundle name (`app_package_name`, CM `clientId`). */
  readonly packageName: string;
  /** Version ladder, oldest first: devices start somewhere on it and app updates climb it. */
  readonly appVersions: readonly string[];
  /** Relative share of the device population (default 1). */
  readonly weight?: number;
}

/** Three apps with fixed keys, so device keys do not depend on the seed. */
export const DEFAULT_APPS: readonly AppSpec[] = [
  {
    name: 'Shop',
    airshipAppKey: 'ISex_TTJRuarzs9-o_Gkhg',
    cmAppKey: '2b7c4d9e1f3a4c5b8d6e7f8091a2b3c4',
    writeKey: 'wk_shop_3b9f0c',
    packageName: 'com.example.shop',
    appVersions: ['5.1.0', '5.2.0', '5.2.1', '5.3.0', '5.4.0'],
    weight: 3,
  },
  {
    name: 'News',
    airshipAppKey: 'Ao7Pq2LmN4xR8sTvWy0ZbC',
    cmAppKey: '9a8b7c6d5e4f40318293a4b5c6d7e8f9',
    writeKey: 'wk_news_71d2e4',
    packageName: 'nl.example.news',
    appVersions: ['12.0', '12.1', '12.2', '13.0'],
    weight: 2,
  },
  {
    name: 'Bank',
    airshipAppKey: 'Kd3Fg5Hj7Kl9Zx1Cv3Bn5M',
    cmAppKey: '4c3b2a1f0e9d48c7b6a5f4e3d2c1b0a9',
    writeKey: 'wk_bank_a05c8e',
    packageName: 'com.example.bank',
    appVersions: ['2024.3', '2024.4', '2024.5'],
    weight: 1,
  },
];
