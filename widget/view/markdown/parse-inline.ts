import { decodeEntities, ENTITY, entityText } from './decode-entities.js';
import { parseStats } from './parse-stats.js';
import { safeUrl } from './safe-url.js';
import type { Inline, InlineCut } from './types.js';

/** A delimiter run (`*`, `_`, `~~`) or bracket (`[`, `![`) waiting for its match; it sits in the output as a placeholder. */
interface Delim {
  d: string;
  n: number;
  i: number;
  /** Can only open (after a space or punctuation): the one kind a streamed tail may close early. */
  o?: boolean;
}
type Slot = Inline | Delim;

// Runs of characters that start no syntax; sticky regexes match at `lastIndex` only.
const PLAIN = /[^\\`*_~[\]!<&\n ]+/y;
const AUTOLINK = /<([a-zA-Z][\w+.-]{1,31}:[^\s<>]*)>/y;
// `](` is followed by a destination (`<…>` or raw with one level of parentheses) and an optional quoted title.
const DESTINATION = /[ \t\n]*(?:<([^<>\n]*)>|((?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))*))(?:[ \t\n]+("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'))?[ \t\n]*\)/y;
const BARE_URL = /\bhttps?:\/\/[^\s<]+/g;
const ESCAPABLE = /[!-/:-@[-`{-~]/;
const PUNCT = /[\p{P}\p{S}]/u;
// Open delimiters at once: more are literal. Bounds nesting, and the work of matching a closer.
const MAX_OPEN = 32;

const isSpace = (c: string | undefined) => !c || /\s/.test(c);
const isPunct = (c: string | undefined) => !!c && PUNCT.test(c);
const unescape = (s: string) => s.replace(/\\([!-/:-@[-`{-~])/g, '$1');

/**
 * Parses inline Markdown into nodes: text, emphasis, strong, strikethrough, code spans, links,
 * autolinks, images, line breaks, backslash escapes and entities (decoded to text). Raw HTML is text.
 *
 * `lenient` is for the growing tail of a streamed reply: a dangling marker at the very end (`**`,
 * `` ` ``, `\`, `!`, `&am`) is hidden, an unclosed `**bold`, `_em`, `~~del` or `` `code `` renders as
 * if closed, and a half-typed `[text](htt` shows its text until the link is complete. Without it,
 * unclosed markers are literal text, as CommonMark says.
 *
 * `cache` (a paragraph being streamed) remembers the nodes before the last *stable cut* — a space
 * after a non-space, with nothing left open — so each call scans only the text after it.
 */
export function parseInline(text: string, lenient = false, cache?: { cut?: InlineCut }): Inline[] {
  let head = cache?.cut;
  // A cut sits just before a space that follows a non-space; anything else means the text changed under it.
  if (head && !(head.pos < text.length && isSpace(text[head.pos]) && !isSpace(text[head.pos - 1]))) head = undefined;
  const { nodes, cut } = scan(text, head ? head.pos : 0, lenient);
  if (cache && cut) cache.cut = head ? { pos: cut.pos, nodes: join(head.nodes, cut.nodes) } : cut;
  return head ? join(head.nodes, nodes) : nodes;
}

function scan(s: string, from: number, lenient: boolean): { nodes: Inline[]; cut?: InlineCut } {
  let end = s.length;
  if (lenient) {
    // Hide what the next token may complete: trailing markers, a backslash, a partial `&entity`.
    while (end > from && '*_~`!\\'.includes(s[end - 1]!)) end--;
    end -= /&#?\w*$/.exec(s.slice(Math.max(from, end - 32), end))?.[0].length ?? 0;
  }
  const out: Slot[] = [];
  let stack: Delim[] = [];
  const noCloser: boolean[] = [];
  let buf = '';
  let i = from;
  let cut: InlineCut | undefined;
  let cutCount = 0;
  let cutLast: Slot | undefined;
  let noCut = false;

  const flush = () => {
    if (buf) linkify(buf, out);
    buf = '';
  };
  const open = (d: string, n: number, o?: boolean) => {
    flush();
    const x: Delim = { d, n, i: out.length, o };
    out.push(x);
    stack.push(x);
  };
  // Wraps the nodes after opener `o` in `del` (`~~`), or `strong` / `em` for 2 / 1 of its delimiters.
  const wrap = (o: Delim, n: number) => out.push({ type: o.d === '~' ? 'del' : n > 1 ? 'strong' : 'em', children: norm(out.splice(o.i + 1)) });

  while (i < end) {
    PLAIN.lastIndex = i;
    if (PLAIN.test(s)) {
      const j = Math.min(PLAIN.lastIndex, end);
      buf += s.slice(i, j);
      i = j;
      continue;
    }
    const c = s[i]!;
    const next = s[i + 1];
    if (c === ' ' || c === '\n') {
      // A stable cut: nothing open, a word just ended. What precedes parses the same whatever follows
      // (not inside a run of spaces, which may yet turn out to end a line).
      if (!stack.length && !noCut && i > from && !isSpace(s[i - 1])) {
        flush();
        cut = { pos: i, nodes: [] };
        cutCount = out.length;
        cutLast = out[cutCount - 1];
      }
      i++;
      if (c === ' ') buf += c;
      else {
        // Every line break is a <br> (chat text is written line by line); trailing spaces go.
        buf = buf.replace(/ +$/, '');
        flush();
        out.push({ type: 'br' });
      }
    } else if (c === '\\') {
      const escaped = i + 1 < end && ESCAPABLE.test(next!);
      // Before a line break the backslash only marks a hard break; the break follows.
      if (next !== '\n' || i + 1 === end) buf += escaped ? next : c;
      i += escaped ? 2 : 1;
    } else if (c === '`') {
      let j = i;
      while (s[j] === '`') j++;
      const ticks = s.slice(i, j);
      let close = -1;
      if (!noCloser[ticks.length]) {
        // The closer is a run of exactly as many backticks.
        for (let p = j; (p = s.indexOf(ticks, p)) >= 0 && p < end; p += ticks.length) {
          if (s[p + ticks.length] !== '`') {
            close = p;
            break;
          }
          while (s[p + ticks.length] === '`') p++;
        }
        // None after here means none after any later run of this length either.
        noCloser[ticks.length] = close < 0;
      }
      if (close >= 0 || lenient) {
        flush();
        const code = s.slice(j, close < 0 ? end : close).replace(/\n/g, ' ');
        out.push({ type: 'code', text: /^ .*[^ ].* $/.test(code) ? code.slice(1, -1) : code });
        i = close < 0 ? end : close + ticks.length;
      } else {
        // A closer may still arrive while the paragraph grows: no cut after this.
        noCut = true;
        buf += ticks;
        i = j;
      }
    } else if (c === '*' || c === '_' || c === '~') {
      let j = i;
      while (s[j] === c && j < end) j++;
      let n = j - i;
      const before = s[i - 1];
      const after = j < end ? s[j] : undefined;
      const left = !isSpace(after) && (!isPunct(after) || isSpace(before) || isPunct(before));
      const right = !isSpace(before) && (!isPunct(before) || isSpace(after) || isPunct(after));
      // `_` inside a word neither opens nor closes (snake_case).
      const canOpen = left && (c !== '_' || !right || isPunct(before));
      const canClose = right && (c !== '_' || !left || isPunct(after)) && (c !== '~' || n === 2);
      while (canClose && n) {
        let k = stack.length - 1;
        while (k >= 0 && stack[k]!.d !== c) k--;
        if (k < 0) break;
        const o = stack[k]!;
        const use = Math.min(2, o.n, n);
        flush();
        wrap(o, use);
        o.n -= use;
        n -= use;
        // Openers inside the match are literal now; one with delimiters left stays open.
        stack.length = o.n ? k + 1 : k;
      }
      if (n && canOpen && (c !== '~' || n === 2) && stack.length < MAX_OPEN) open(c, n, !right);
      else buf += c.repeat(n);
      i = j;
    } else if ((c === '[' || (c === '!' && next === '[')) && stack.length < MAX_OPEN) {
      open(c === '!' ? '![' : '[', 1);
      i += c === '!' ? 2 : 1;
    } else if (c === ']') {
      const k = stack.findLastIndex((x) => x.d.endsWith('['));
      const o = stack[k];
      DESTINATION.lastIndex = i + 2;
      const m = o && next === '(' ? DESTINATION.exec(s) : null;
      // Streaming and the destination is still arriving (no `)` yet): show the text, link it once complete.
      const partial = o && lenient && !m && (i + 1 === end || (next === '(' && !s.includes(')', i)));
      if (!o || (!partial && (!m || DESTINATION.lastIndex > end))) {
        if (o) stack.splice(k, 1);
        buf += c;
        i++;
        continue;
      }
      flush();
      // Link text holds no link: a bare URL inside it stays text.
      const children = norm(out.splice(o.i + 1)).flatMap((x) => (typeof x === 'object' && x.type === 'a' ? x.children : [x]));
      o.n = 0;
      stack.length = k;
      if (partial) {
        out.push(...children);
        i = end;
        continue;
      }
      const href = unescape(m![1] ?? m![2]!);
      const title = m![3] && decodeEntities(unescape(m![3].slice(1, -1)));
      if (o.d === '[') {
        out.push({ type: 'a', href: safeUrl(href), title, children });
        // No links in links: earlier brackets are literal now.
        stack = stack.filter((x) => x.d !== '[');
      } else out.push({ type: 'img', src: safeUrl(href, true), alt: plain(children), title });
      i = DESTINATION.lastIndex;
    } else if (c === '<') {
      AUTOLINK.lastIndex = i;
      const m = AUTOLINK.exec(s);
      const href = m && AUTOLINK.lastIndex <= end && safeUrl(m[1]!);
      if (href) {
        flush();
        out.push({ type: 'a', href, children: [m[1]!] });
        i = AUTOLINK.lastIndex;
      } else {
        buf += c;
        i++;
      }
    } else {
      ENTITY.lastIndex = i;
      const m = c === '&' ? ENTITY.exec(s) : null;
      const t = m && ENTITY.lastIndex <= end ? entityText(m[1], m[2]) : undefined;
      buf += t ?? c;
      i = t === undefined ? i + 1 : ENTITY.lastIndex;
    }
  }
  if (!lenient) buf = buf.replace(/ +$/, '');
  flush();
  // Close what is still open, innermost first: brackets lose their markers, pure openers wrap the rest.
  for (let k = stack.length; lenient && k--; ) {
    const o = stack[k]!;
    if (o.o) wrap(o, o.n);
    if (o.o || o.d.endsWith('[')) o.n = 0;
  }
  parseStats.scanned += s.length - from;
  if (cut) {
    // Text merged into the cut's last node afterwards is not the cut's: take that node as it was.
    const before = out.slice(0, cutCount);
    before[cutCount - 1] = cutLast!;
    cut.nodes = norm(before);
  }
  return { nodes: norm(out), cut };
}

/** Appends text to the output, turning bare `http(s)://` URLs into links (when they pass `safeUrl`). */
function linkify(t: string, out: Slot[]): void {
  let last = 0;
  for (const m of t.includes('://') ? t.matchAll(BARE_URL) : []) {
    let url = m[0];
    // Trailing punctuation ends the sentence, not the URL; a `)` stays when it closes one in the URL.
    while (/[?!.,:;*_~'")]$/.test(url) && !(url.endsWith(')') && url.split('(').length >= url.split(')').length)) url = url.slice(0, -1);
    const href = safeUrl(url);
    if (href) {
      put(out, t.slice(last, m.index));
      out.push({ type: 'a', href, children: [url] });
      last = m.index! + url.length;
    }
  }
  put(out, t.slice(last));
}

/** Adds a node, merging adjacent text. */
function put(out: Slot[], x: Inline): void {
  const k = out.length - 1;
  if (typeof x === 'string' && typeof out[k] === 'string') out[k] += x;
  else if (x) out.push(x);
}

/** Final nodes: placeholders become their literal text, adjacent text merges. */
function norm(list: Slot[]): Inline[] {
  return join([], list.map((x) => (typeof x === 'object' && 'd' in x ? x.d.repeat(x.n) : x)));
}

/** Concatenates two node lists, merging the text where they meet. */
function join(a: Inline[], b: Inline[]): Inline[] {
  const out: Slot[] = a.slice();
  for (const x of b) put(out, x);
  return out as Inline[];
}

/** The plain text of nodes (an image's alt text). */
function plain(nodes: Inline[]): string {
  return nodes.map((x) => (typeof x === 'string' ? x : 'children' in x ? plain(x.children) : 'text' in x ? x.text : 'alt' in x ? x.alt : ' ')).join('');
}
