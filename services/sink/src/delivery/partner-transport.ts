import { Agent, request } from 'undici';
import { errorMessage, type Logger } from '@pushstream/runtime';
import type { PartnerRequest } from '../core/infobip-request.js';
import type { PartnerReply } from '../core/partner-verdict.js';

/** Sends one request to a partner and reads the answer; never throws for HTTP or network trouble. */
export interface PartnerTransport {
  send(baseUrl: string, partnerRequest: PartnerRequest): Promise<PartnerReply>;
  close(): Promise<void>;
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

/** HTTP with undici: a keep-alive agent, a timeout on headers and body, errors mapped to timeout/network. */
export function createHttpTransport(options: { timeoutMs: number; connections: number }): PartnerTransport {
  const agent = new Agent({
    connections: options.connections,
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
    connectTimeout: options.timeoutMs,
  });
  return {
    async send(baseUrl, partnerRequest) {
      try {
        const response = await request(new URL(partnerRequest.path, baseUrl), {
          method: partnerRequest.method,
          headers: partnerRequest.headers,
          body: partnerRequest.body ?? null,
          dispatcher: agent,
        });
        const body = await response.body.text();
        const headers: Record<string, string | undefined> = {};
        for (const [name, value] of Object.entries(response.headers)) {
          headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
        }
        return { status: response.statusCode, headers, body };
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        const failure = typeof code === 'string' && TIMEOUT_CODES.has(code) ? 'timeout' : 'network';
        return { failure, detail: errorMessage(error) };
      }
    },
    close: () => agent.close(),
  };
}

/** Dry run: logs each call (credentials redacted) and answers 200 without sending anything. */
export function createDryRunTransport(logger: Logger): PartnerTransport {
  return {
    send(baseUrl, partnerRequest) {
      const headers = Object.fromEntries(
        Object.entries(partnerRequest.headers).map(([name, value]) => [
          name,
          name === 'authorization' || name === 'auth-token' ? '[redacted]' : value,
        ]),
      );
      logger.info(
        {
          dryRun: true,
          method: partnerRequest.method,
          url: new URL(partnerRequest.path, baseUrl).toString(),
          headers,
          body: partnerRequest.body,
        },
        'dry run: partner call not sent',
      );
      return Promise.resolve({ status: 200, headers: {}, body: '{"success":true}' });
    },
    close: () => Promise.resolve(),
  };
}
