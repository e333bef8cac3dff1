import { randomBytes } from 'node:crypto';

/** What the 307 affinity layer does with a request. */
export type AffinityDecision =
  | { readonly kind: 'serve' }
  | { readonly kind: 'redirect'; readonly hop: number; readonly setCookie: string };

/**
 * The undocumented 307 + cookie affinity all three official clients handle: a request without the right
 * cookie gets `307` with `Set-Cookie: <name>=<value>; Path=/; HttpOnly`, and the client re-POSTs the same
 * URL and body carrying it. With `hops` > 1 each cookie only leads to the next 307, like a chain of
 * nodes pointing at the leader; the cookie of the last hop is served. `rotate()` moves the leader: every
 * cookie issued so far becomes stale and leads to a fresh chain.
 */
export class AffinityRouter {
  private readonly issued = new Map<string, number>();

  constructor(
    private readonly hops: number,
    readonly cookieName: string,
  ) {}

  /** The decision for a request with this `Cookie` header (clients may send whole Set-Cookie strings). */
  route(cookieHeader: string | undefined): AffinityDecision {
    if (this.hops <= 0) return { kind: 'serve' };
    let hop = 0;
    for (const value of cookieValues(cookieHeader, this.cookieName))
      hop = Math.max(hop, this.issued.get(value) ?? 0);
    if (hop >= this.hops) return { kind: 'serve' };
    const value = `h${hop + 1}-${randomBytes(8).toString('hex')}`;
    this.issued.set(value, hop + 1);
    return { kind: 'redirect', hop: hop + 1, setCookie: `${this.cookieName}=${value}; Path=/; HttpOnly` };
  }

  /** Makes every issued cookie stale. */
  rotate(): void {
    this.issued.clear();
  }
}

/** Values of the cookie `name` in a Cookie header; attribute-looking pairs (`Path=/`) are ignored by name. */
export function cookieValues(header: string | undefined, name: string): string[] {
  if (header === undefined) return [];
  return header
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair.startsWith(`${name}=`))
    .map((pair) => pair.slice(name.length + 1));
}
