import { decodeEntities } from './decode-entities.js';

/**
 * The URL a link or image may point to, or `undefined` when it must render as text.
 *
 * Entities are decoded and control characters stripped first, then the string is parsed by the
 * same WHATWG URL parser the browser will use, *without a base*: relative and scheme-relative URLs
 * (`/x`, `//evil.example`) are refused, since a reply has no page of its own to be relative to.
 * Only `http:`, `https:` and (for links) `mailto:` pass; `javascript:` in any disguise (case,
 * entities, tabs, leading spaces, `%6A`) either parses to a refused protocol or does not parse.
 * The normalised `href` is returned, so what was checked is exactly what the browser follows.
 *
 * @param image - `true` for an image source: `http:` and `https:` only.
 */
export function safeUrl(raw: string, image = false): string | undefined {
  let url: URL;
  try {
    // eslint-disable-next-line no-control-regex
    url = new URL(decodeEntities(raw).replace(/[\0-\x1f\x7f-\x9f]/g, '').trim());
  } catch {
    return undefined;
  }
  return (image ? /^https?:$/ : /^(?:https?|mailto):$/).test(url.protocol) ? url.href : undefined;
}
