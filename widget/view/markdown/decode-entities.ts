// The full HTML5 table has 2,231 names (~20 KB). Models write characters, not entities, so only
// these are decoded; any other name stays as typed. Numeric references all work.
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', copy: '©', mdash: '—', hellip: '…', rarr: '→' };
const REFERENCE = '&(?:#(\\d{1,7}|[xX][\\da-fA-F]{1,6})|([a-zA-Z]\\w{1,31}));';

/** One entity reference at `lastIndex` (sticky): group 1 a number (`106`, `x6A`), group 2 a name. */
export const ENTITY = new RegExp(REFERENCE, 'y');

/** The text an entity stands for, or `undefined` for an unknown name (which stays literal). */
export function entityText(num: string | undefined, name: string | undefined): string | undefined {
  // `+'0x6A'` and `+'0106'` both parse, decimal or hex.
  const code = num ? +`0${num}` : 0;
  // NUL, surrogates and out-of-range code points become U+FFFD, as CommonMark requires.
  return name ? NAMED[name] : String.fromCodePoint(code && code < 0x110000 && (code < 0xd800 || code > 0xdfff) ? code : 0xfffd);
}

/** Decodes entity references (`&amp;`, `&#106;`, `&#x6A;`) in `s`. The result is only ever used as text or a checked URL. */
export function decodeEntities(s: string): string {
  return s.replace(new RegExp(REFERENCE, 'g'), (ref, num?: string, name?: string) => entityText(num, name) ?? ref);
}
