import type { AppSpec } from './app-spec.js';
import { Prng, type Seed } from './prng.js';
import { randomUuid } from './random-ids.js';

/** One push campaign of an app: what SEND, PUSH_BODY and push opens refer to. */
export interface CampaignPush {
  /** The campaign's number since the start of the traffic. */
  readonly number: number;
  readonly sentAt: number;
  readonly pushId: string;
  readonly groupId: string | undefined;
  readonly variantId: number | undefined;
  readonly categories: readonly string[];
  readonly resource: 'PUSH' | 'PIPELINES' | 'SCHEDULES';
  readonly alert: string;
}

/** Where campaigns come from: the seed, the start and the interval between two campaigns of an app. */
export interface CampaignPlan {
  readonly seed: Seed;
  readonly start: number;
  readonly intervalMs: number;
}

const CATEGORIES = ['promo', 'news', 'reminder', 'transactional', 'spring_sale', 'onboarding', 'win_back'];
const ALERTS = [
  'Your order has shipped',
  'Breaking: markets open higher',
  'Only today: 20% off',
  'We miss you!',
];

/**
 * The campaign an app is running at `time`: number `⌊(time − start) / interval⌋`. A pure function of its
 * inputs, so every source and every device agrees on the push id without sharing state.
 */
export function campaignAt(plan: CampaignPlan, app: AppSpec, time: number): CampaignPush {
  const number = Math.max(0, Math.floor((time - plan.start) / plan.intervalMs));
  return campaignNumber(plan, app, number);
}

/** Campaign `number` of `app`. */
export function campaignNumber(plan: CampaignPlan, app: AppSpec, number: number): CampaignPush {
  const rng = new Prng(plan.seed, 'campaign', app.airshipAppKey, number);
  const grouped = rng.chance(0.3);
  const categoryCount = rng.int(1, 3);
  const categories: string[] = [];
  for (let index = 0; index < categoryCount; index++) {
    const category = rng.pick(CATEGORIES);
    if (!categories.includes(category)) categories.push(category);
  }
  return {
    number,
    sentAt: plan.start + number * plan.intervalMs,
    pushId: randomUuid(rng),
    groupId: grouped ? randomUuid(rng) : undefined,
    variantId: grouped ? rng.int(1, 3) : undefined,
    categories,
    resource: rng.pick(['PUSH', 'PUSH', 'PIPELINES', 'SCHEDULES'] as const),
    alert: rng.pick(ALERTS),
  };
}
