import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  legacyError,
  platformError,
  pushError,
  type InfobipBusinessError,
  BUSINESS_ERROR_TEXT,
} from './infobip-errors.js';
import type {
  InfobipRequestRecord,
  InfobipSimOperation,
  InfobipSimulatorOptions,
  InfobipSimulatorStats,
} from './infobip-options.js';
import { hang, readBody, sendJson } from '../partner-http/http-io.js';
import { startPartnerServer } from '../partner-http/partner-server.js';
import type { PartnerFault, RandomFaults } from '../partner-http/partner-faults.js';
import { PartnerGate } from '../partner-http/partner-gate.js';
import { PeopleStore, type RegistrationView, type SimIdentity } from './people-store.js';
import { PeakRate } from '../partner-http/sim-token-bucket.js';

/** A running Infobip People API simulator (push contact information). */
export interface InfobipSimulator {
  /** Base URL (the account's `https://xxxxx.api.infobip.com`). */
  readonly url: string;
  readonly appCode: string;
  readonly applicationId: string;
  /** The API key now accepted. */
  apiKey(): string;
  /** Rotates (or revokes) the accepted key: requests with the old one get 401. */
  setApiKey(apiKey: string): void;
  /** Creates registrations as the app's SDK would. */
  register(registrationIds: Iterable<string>, os?: 'Android' | 'iOS'): void;
  /** A registration's state as a test checks it. */
  registration(registrationId: string): RegistrationView | undefined;
  /** Every registration id. */
  registrationIds(): string[];
  /** Makes personalize with this identity value (externalId, phone or email) fail with a business error. */
  failIdentity(value: string, messageId: InfobipBusinessError): void;
  /** Queues faults for the next requests. */
  script(...faults: PartnerFault[]): void;
  /** Replaces the random faults (undefined: none). */
  setFaults(faults: RandomFaults | undefined): void;
  /** Every request so far, in arrival order. */
  requests(): readonly InfobipRequestRecord[];
  stats(): InfobipSimulatorStats;
  close(): Promise<void>;
}

const PUSH_PATH = /^\/people\/2\/contactInformation\/push\/([^/]+)(?:\/(personalize|depersonalize))?$/;

/**
 * Starts a faithful Infobip push contact-information API on 127.0.0.1 (seed:001, reference C): GET /
 * PATCH of a registration, personalize (forceDepersonalize, identity rules, business errors) and
 * depersonalize (200, empty body); `Authorization: App <key>` (401 legacy UNAUTHORIZED), `AppCode` (400
 * 48001 / 48012), unknown registrations (400 48013); the 50 req/s limit (429 in the legacy or newer shape);
 * injected faults (5xx, 429, timeouts, resets). Unknown PATCH fields are ignored, as the seed's typo shows.
 */
export async function startInfobipSimulator(
  options: InfobipSimulatorOptions = {},
): Promise<InfobipSimulator> {
  const now = options.now ?? Date.now;
  const appCode = options.appCode ?? '87dc5af9bb50ebe3df341c89d2463a09-1cf8-4e07-a063-041d4195d172';
  const applicationId = options.applicationId ?? '753CBCDC1D587223934106E2A2AEDD44';
  let apiKey = options.apiKey ?? 'simulated-infobip-api-key';
  const perSecond = options.rateLimit?.perSecond ?? 50;
  const peak = new PeakRate();
  let rateLimitTurn = 0;
  const gate = new PartnerGate({
    rateLimit: { perSecond, burst: options.rateLimit?.burst ?? perSecond },
    retryAfterSeconds: options.retryAfterSeconds,
    faults: options.faults,
    hangMs: options.hangMs ?? 2000,
    now,
    rateLimitBody: () => {
      const shape = options.rateLimitShape ?? 'alternate';
      const platform = shape === 'platform' || (shape === 'alternate' && rateLimitTurn++ % 2 === 1);
      return platform
        ? platformError('E429', 'Too many requests sent.', 'Check request rate limit and retry later.')
        : legacyError('TOO_MANY_REQUESTS', 'Too many requests');
    },
    faultBody: (status) =>
      status === 429
        ? legacyError('TOO_MANY_REQUESTS', 'Too many requests')
        : legacyError('GENERAL_ERROR', 'Something went wrong. Please contact support.'),
  });
  const store = new PeopleStore(applicationId);
  const failingIdentities = new Map<string, InfobipBusinessError>();
  const records: InfobipRequestRecord[] = [];
  const byStatus: Record<string, number> = {};
  let unauthorized = 0;
  const hangMs = options.hangMs ?? 2000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const raw = await readBody(req, 1 << 20);
    const text = raw?.toString('utf8') ?? '';
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      body = undefined;
    }
    const match = PUSH_PATH.exec(url.pathname);
    const registrationId = match?.[1] === undefined ? undefined : decodeURIComponent(match[1]);
    const operation = operationOf(req.method ?? '', match?.[2]);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers))
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    const base = {
      seq: records.length + 1,
      at: now(),
      method: req.method ?? '',
      path: url.pathname,
      operation,
      registrationId,
      query: Object.fromEntries(url.searchParams),
      headers,
      body,
    };
    peak.record(base.at);
    const answer = (
      status: number,
      payload: unknown,
      applied: boolean,
      refusedBy?: string,
      extra: Record<string, string> = {},
    ) => {
      records.push({ ...base, status, applied, ...(refusedBy === undefined ? {} : { refusedBy }) });
      byStatus[String(status)] = (byStatus[String(status)] ?? 0) + 1;
      sendJson(res, status, payload, extra);
    };

    const admitted = gate.admit({
      res,
      answer: (status, payload, stop, extra) => answer(status, payload, false, stop.refusedBy, extra),
      dropped: (stop) =>
        records.push({ ...base, status: stop.status, applied: false, refusedBy: stop.refusedBy }),
    });
    if (admitted === undefined) return;
    const { timeoutAfterApply } = admitted;
    const respond = (status: number, payload: unknown, applied: boolean, refusedBy?: string) => {
      if (timeoutAfterApply) {
        records.push({ ...base, status: 'timeout', applied, refusedBy: 'fault' });
        hang(res, hangMs);
      } else answer(status, payload, applied, refusedBy);
    };

    if (match === null || operation === undefined || registrationId === undefined) {
      respond(
        404,
        legacyError('NOT_FOUND', `no resource at ${req.method ?? ''} ${url.pathname}`),
        false,
        'route',
      );
      return;
    }
    if (headers.authorization !== `App ${apiKey}`) {
      unauthorized += 1;
      respond(401, legacyError('UNAUTHORIZED', 'Invalid login details'), false, 'auth');
      return;
    }
    if (headers.appcode === undefined || headers.appcode === '') {
      respond(400, pushError(48001, 'Application code missing'), false, 'app-code');
      return;
    }
    if (headers.appcode !== appCode) {
      respond(400, pushError(48012, 'Push application not found'), false, 'app-code');
      return;
    }
    if (options.autoRegister === true) store.register([registrationId]);
    const registration = store.get(registrationId);
    if (registration === undefined) {
      respond(400, pushError(48013, 'Push registration not found'), false, 'not-found');
      return;
    }
    switch (operation) {
      case 'get':
        respond(200, store.instance(registration), true);
        return;
      case 'patch': {
        if (!isObject(body)) {
          respond(
            400,
            legacyError('REQUEST_FORMAT_INVALID', BUSINESS_ERROR_TEXT.REQUEST_FORMAT_INVALID),
            false,
            'invalid',
          );
          return;
        }
        const problem = patchProblem(body);
        if (problem !== undefined) {
          respond(
            400,
            { requestError: { serviceException: { messageId: 'BAD_REQUEST', text: problem } } },
            false,
            'invalid',
          );
          return;
        }
        if (typeof body.isPrimary === 'boolean') registration.isPrimary = body.isPrimary;
        const systemData = body.systemData;
        if (isObject(systemData) && typeof systemData.registrationEnabled === 'boolean')
          registration.systemData.registrationEnabled = systemData.registrationEnabled;
        if (isObject(body.additionalData)) {
          for (const [name, value] of Object.entries(body.additionalData)) {
            if (value === null) Reflect.deleteProperty(registration.additionalData, name);
            else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
              registration.additionalData[name] = value;
          }
        }
        respond(200, store.instance(registration), true);
        return;
      }
      case 'personalize': {
        const identity =
          isObject(body) && isObject(body.identity) ? (body.identity as SimIdentity) : undefined;
        if (identity === undefined) {
          respond(
            400,
            legacyError('USER_IDENTITY_INVALID', BUSINESS_ERROR_TEXT.USER_IDENTITY_INVALID),
            false,
            'USER_IDENTITY_INVALID',
          );
          return;
        }
        const injected = [identity.externalId, identity.phoneNumber, identity.email]
          .map((value) => (value === undefined ? undefined : failingIdentities.get(value)))
          .find((code) => code !== undefined);
        if (injected !== undefined) {
          respond(400, legacyError(injected, BUSINESS_ERROR_TEXT[injected]), false, injected);
          return;
        }
        const result = store.personalize(
          registration,
          identity,
          url.searchParams.get('forceDepersonalize') === 'true',
        );
        if ('refusal' in result) {
          respond(
            400,
            legacyError(result.refusal.messageId, result.refusal.text),
            false,
            result.refusal.messageId,
          );
          return;
        }
        if (url.searchParams.get('setDeviceAsPrimary') === 'true') registration.isPrimary = true;
        respond(200, store.personBody(result.person), true);
        return;
      }
      case 'depersonalize':
        registration.personId = undefined;
        respond(200, undefined, true);
        return;
    }
  }

  const server = await startPartnerServer({
    ...(options.port === undefined ? {} : { port: options.port }),
    handle,
    errorBody: (error) => legacyError('GENERAL_ERROR', String(error)),
  });
  return {
    url: server.url,
    appCode,
    applicationId,
    apiKey: () => apiKey,
    setApiKey: (next) => {
      apiKey = next;
    },
    register: (ids, os) => store.register(ids, os),
    registration: (id) => store.view(id),
    registrationIds: () => store.ids(),
    failIdentity: (value, messageId) => failingIdentities.set(value, messageId),
    script: (...scripted) => gate.script(scripted),
    setFaults: (random) => gate.setFaults(random),
    requests: () => records,
    stats: () => ({
      requests: records.length,
      rateLimited: gate.rateLimited,
      faultsInjected: gate.faultsInjected,
      unauthorized,
      peakPerSecond: peak.max,
      byStatus: { ...byStatus },
    }),
    close: () => server.close(),
  };
}

function operationOf(method: string, action: string | undefined): InfobipSimOperation | undefined {
  if (action === 'personalize' && method === 'POST') return 'personalize';
  if (action === 'depersonalize' && method === 'POST') return 'depersonalize';
  if (action === undefined && method === 'GET') return 'get';
  if (action === undefined && method === 'PATCH') return 'patch';
  return undefined;
}

/** Type errors of the writable fields (unknown fields are ignored, as Infobip does). */
function patchProblem(body: Record<string, unknown>): string | undefined {
  if (body.isPrimary !== undefined && typeof body.isPrimary !== 'boolean')
    return 'isPrimary must be a boolean';
  if (body.systemData !== undefined) {
    if (!isObject(body.systemData)) return 'systemData must be an object';
    const enabled = body.systemData.registrationEnabled;
    if (enabled !== undefined && typeof enabled !== 'boolean') return 'registrationEnabled must be a boolean';
  }
  if (body.additionalData !== undefined) {
    if (!isObject(body.additionalData)) return 'additionalData must be an object';
    for (const [name, value] of Object.entries(body.additionalData)) {
      if (name.length > 256) return `additionalData name ${name.slice(0, 20)}… is longer than 256`;
      if (typeof value === 'string' && value.length > 4096)
        return `additionalData.${name} is longer than 4096`;
      if (value !== null && !['string', 'number', 'boolean'].includes(typeof value))
        return `additionalData.${name} must be a string, number, boolean or date`;
    }
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
