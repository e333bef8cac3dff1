import type { AppPlatform } from './traffic-options.js';

/** Hardware, OS versions and Airship SDK versions seen on one platform. */
export interface PlatformCatalog {
  readonly models: readonly string[];
  /** OS versions, oldest first: an OS update moves one step up. */
  readonly osVersions: readonly string[];
  readonly sdkVersions: readonly string[];
}

/** Realistic device facts per app platform. */
export const PLATFORM_CATALOGS: Readonly<Record<AppPlatform, PlatformCatalog>> = {
  IOS: {
    models: ['iPhone12,1', 'iPhone14,5', 'iPhone15,2', 'iPhone16,1', 'iPad13,18'],
    osVersions: ['16.7.8', '17.4.1', '17.5.1', '17.6', '18.0'],
    sdkVersions: ['17.10.0', '18.3.1', '18.7.2'],
  },
  ANDROID: {
    models: ['Pixel 7', 'Pixel 8', 'SM-A515F', 'SM-S918B', 'Nokia 6.1', 'moto g54 5G'],
    osVersions: ['11', '12', '13', '14'],
    sdkVersions: ['17.8.1', '18.1.6', '18.3.0'],
  },
  AMAZON: {
    models: ['KFTRWI', 'KFRASWI', 'AFTMM'],
    osVersions: ['7', '9', '11'],
    sdkVersions: ['17.8.1', '18.1.6'],
  },
  WEB: {
    models: ['desktop', 'mobile'],
    osVersions: ['chrome-124', 'chrome-125', 'chrome-126', 'firefox-126', 'safari-17'],
    sdkVersions: ['1.6.0', '2.1.0'],
  },
};

/** The user agent a web channel reports for a browser version such as `chrome-126`. */
export function webUserAgent(browserVersion: string, mobile: boolean): string {
  const [name = 'chrome', major = '126'] = browserVersion.split('-');
  const platform = mobile ? 'Linux; Android 14; Pixel 8' : 'Macintosh; Intel Mac OS X 10_15_7';
  if (name === 'firefox') return `Mozilla/5.0 (${platform}; rv:${major}.0) Gecko/20100101 Firefox/${major}.0`;
  if (name === 'safari')
    return `Mozilla/5.0 (${platform}) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/${major}.0 Safari/605.1.15`;
  return `Mozilla/5.0 (${platform}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${major}.0.0.0 Safari/537.36`;
}
