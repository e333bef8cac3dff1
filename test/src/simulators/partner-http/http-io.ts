import type { IncomingMessage, ServerResponse } from 'node:http';

/** Reads a request body up to `maxBytes`; undefined when it is larger (the rest is drained). */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) tooLarge = true;
    else chunks.push(buffer);
  }
  return tooLarge ? undefined : Buffer.concat(chunks);
}

/** Sends a JSON answer (an empty body when `body` is undefined). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...(body === undefined ? {} : { 'content-type': 'application/json;charset=UTF-8' }),
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

/** Answers nothing for `hangMs`, then drops the connection (a timeout as the client sees it). */
export function hang(res: ServerResponse, hangMs: number): void {
  const timer = setTimeout(() => res.destroy(), hangMs);
  res.once('close', () => clearTimeout(timer));
}
