/// <reference types="node" />
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The cookie that identifies a demo visitor. */
export const VISITOR_COOKIE = 'agento_visitor';

const VISITOR_ID = /^[A-Za-z0-9_-]{22,64}$/;
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * Makes sure a request carries a visitor ID: keeps a valid `agento_visitor` cookie, else issues a
 * new one (HttpOnly, so page scripts never read it) and also writes it into this request's Cookie
 * header, so `identify` recognises the visitor on the very first request.
 *
 * A real site would use its own login or session instead; the proxy only needs a stable ID.
 */
export function ensureVisitorCookie(req: IncomingMessage, res: ServerResponse): string {
  const existing = readCookie(req.headers.cookie ?? null, VISITOR_COOKIE);
  if (existing && VISITOR_ID.test(existing)) return existing;

  const id = randomBytes(18).toString('base64url');
  res.appendHeader('Set-Cookie', `${VISITOR_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${ONE_YEAR_SECONDS}`);
  const others = (req.headers.cookie ?? '')
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair !== '' && !pair.startsWith(`${VISITOR_COOKIE}=`));
  req.headers.cookie = [...others, `${VISITOR_COOKIE}=${id}`].join('; ');
  return id;
}

/**
 * The demo's `identify` for the proxy (web-standard): the visitor cookie becomes the peerId, and
 * the agent gets a small context naming the site and the page the chat was opened on.
 */
export function identifyVisitor(request: Request): { peerId: string; context: Record<string, string> } | null {
  const id = readCookie(request.headers.get('cookie'), VISITOR_COOKIE);
  if (!id || !VISITOR_ID.test(id)) return null;
  const context: Record<string, string> = { site: 'agento-chat demo' };
  const page = refererPath(request.headers.get('referer'));
  if (page) context.page = page;
  return { peerId: `visitor_${id}`, context };
}

/** One cookie's value from a Cookie header. */
export function readCookie(header: string | null, name: string): string | undefined {
  for (const pair of header?.split(';') ?? []) {
    const [key, ...value] = pair.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

function refererPath(referer: string | null): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).pathname;
  } catch {
    return undefined;
  }
}
