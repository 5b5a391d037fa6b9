/**
 * The room's gatekeeping rules, free of any server so they can be tested on
 * their own: secrets, the short code and its rate limit, and the Host/Origin
 * checks that keep web pages in someone's browser from reaching the room
 * (DNS rebinding, cross-site WebSocket).
 */
import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { SHORT_CODE_ALPHABET, SHORT_CODE_LENGTH } from '../shared/room-protocol';

/** A URL-safe random secret; 16 bytes = 128 bits for join links and device tokens. */
export function makeSecret(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}

export function makeShortCode(): string {
  let code = '';
  for (let i = 0; i < SHORT_CODE_LENGTH; i++) code += SHORT_CODE_ALPHABET[randomInt(SHORT_CODE_ALPHABET.length)];
  return code;
}

/** What a person types: case, spaces and dashes don't matter. */
export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

/** Compares secrets in constant time, so the time to answer does not leak how much of a guess was right. */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** `host:port` as a browser writes it in the Host header (IPv6 in brackets). */
export function hostWithPort(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

export type RequestCheck = { ok: true; host: string } | { ok: false; status: 403 | 421; why: string };

/**
 * A request is served only when it names one of the room's own addresses as
 * Host (a rebound DNS name does not), and, where the browser says where it
 * comes from, comes from the room's own page. WebSocket upgrades must carry
 * an Origin: browsers always send one, so its absence means a non-browser
 * client, which still needs the room's secret to get anywhere.
 */
export function checkRequest(headers: IncomingHttpHeaders, allowedHosts: ReadonlySet<string>, options: { upgrade: boolean }): RequestCheck {
  const host = headers.host?.toLowerCase();
  if (!host || !allowedHosts.has(host)) return { ok: false, status: 421, why: `host ${host ?? '(none)'} is not this room` };
  const origin = headers.origin;
  if (origin !== undefined && origin !== `http://${host}`) return { ok: false, status: 403, why: `origin ${origin} is not this room` };
  if (options.upgrade && origin === undefined) return { ok: false, status: 403, why: 'a WebSocket without an origin' };
  const site = headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return { ok: false, status: 403, why: `a ${site} request` };
  return { ok: true, host };
}

/**
 * Failed short-code attempts, limited per client address and for the room as
 * a whole; past a lifetime maximum the code stops working and only the link
 * (with its 128-bit secret) lets anyone in. A 6-character code has about
 * 7×10⁸ values: at 30 guesses a minute, finding it takes years.
 */
export class CodeAttemptLimiter {
  private readonly failures = new Map<string, number[]>();
  private all: number[] = [];
  private lifetime = 0;

  constructor(
    private readonly now: () => number,
    readonly limits = { perClientPerMinute: 5, perRoomPerMinute: 30, lifetime: 300 },
  ) {}

  /** Milliseconds until this client may try again; 0 when it may now. Infinity once the code is retired. */
  waitFor(client: string): number {
    if (this.lifetime >= this.limits.lifetime) return Number.POSITIVE_INFINITY;
    const now = this.now();
    const mine = this.recent(this.failures.get(client) ?? [], now);
    this.all = this.recent(this.all, now);
    const waits = [0];
    if (mine.length >= this.limits.perClientPerMinute) waits.push(mine[0]! + 60_000 - now);
    if (this.all.length >= this.limits.perRoomPerMinute) waits.push(this.all[0]! + 60_000 - now);
    return Math.max(...waits);
  }

  recordFailure(client: string): void {
    const now = this.now();
    this.failures.set(client, [...this.recent(this.failures.get(client) ?? [], now), now]);
    this.all.push(now);
    this.lifetime++;
  }

  private recent(times: number[], now: number): number[] {
    return times.filter((t) => now - t < 60_000);
  }
}

/** A token bucket per connection: a steady rate with a burst allowance. */
export class MessageBudget {
  private tokens: number;
  private last: number;

  constructor(
    private readonly now: () => number,
    private readonly perSecond: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
    this.last = now();
  }

  take(): boolean {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** The participant page's policy, sent as a header: nothing but this server, the socket on the same host included. */
export function participantCsp(host: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    // 'self' covers ws: on the same host in current browsers; older Safari needs it named.
    `connect-src 'self' ws://${host}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};
