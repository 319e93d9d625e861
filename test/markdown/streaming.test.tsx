// @vitest-environment happy-dom
import { options, type VNode } from 'preact';
import { describe, expect, test } from 'vitest';
import { createMarkdownRenderer, parseStats } from '../../widget/view/markdown/index.js';
import { html, streamer, tokens } from './render-md.js';

const DOC = `# Release notes

Some **bold words**, _emphasis_, ~~old~~ and \`inline code\`, a [link](https://a.example/docs "Docs") and https://b.example/x.
Second line of the paragraph.

## Install

1. Run the installer
2. Open **Settings**
   - nested *item*
   - another
3. Done

> A quote
> > nested quote

\`\`\`ts
const x = 1;

function f() {
  return x * 2;
}
\`\`\`

| Name | Size | Note |
|:-----|-----:|:----:|
| a.js | 12 KB | *fast* |
| b.js | 3 KB | \`tiny\` |

---

Last paragraph with a hard break  
and an image ![chart](https://i.example/c.png).`;

/** Seeded PRNG, so chunk boundaries are random but the same on every run. */
function random(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('streaming ends in exactly the non-streaming render', () => {
  test('fed character by character', () => {
    const s = streamer();
    for (let k = 1; k <= DOC.length; k++) s.update(DOC.slice(0, k));
    expect(s.update(DOC, false)).toBe(html(DOC));
  });

  test('fed token by token', () => {
    const s = streamer();
    let text = '';
    for (const t of tokens(DOC)) s.update((text += t));
    expect(text).toBe(DOC);
    expect(s.update(DOC, false)).toBe(html(DOC));
  });

  test('split once at every boundary', () => {
    const whole = html(DOC);
    for (let k = 0; k < DOC.length; k++) {
      const s = streamer();
      s.update(DOC.slice(0, k));
      s.update(DOC);
      expect(s.update(DOC, false), `split at ${k}`).toBe(whole);
    }
  });
});

describe('half-typed syntax renders sensibly while streaming', () => {
  /** Streams `doc` character by character and returns the visible text after each step. */
  function visible(doc: string): string[] {
    const s = streamer();
    const seen: string[] = [];
    for (let k = 1; k <= doc.length; k++) {
      s.update(doc.slice(0, k));
      seen.push(s.div.textContent!);
    }
    return seen;
  }

  test.each([
    ['strong', 'Some **bold text** here', '*'],
    ['emphasis', 'Some _slanted words_ here', '_'],
    ['strikethrough', 'Some ~~struck words~~ here', '~'],
    ['inline code', 'Run `npm install` now', '`'],
    ['link', 'See [the docs](https://a.example/docs "Docs") now', '[]()'],
    ['image', 'See ![a chart](https://i.example/c.png) now', '![]()'],
    ['heading', 'Intro\n\n## A heading\n\nText', '#'],
    ['list', 'Intro\n\n- one\n- two\n\n1. first\n2. second', '-'],
    ['fence', 'Intro\n\n```js\nlet a = 1;\n```\n\nAfter', '`'],
    ['quote', 'Intro\n\n> quoted\n\nAfter', '>'],
    ['table', 'Intro\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\nAfter', '|-'],
    ['entity', 'Fish &amp; chips', ['&a', 'amp']],
  ])('%s: never shows raw markers', (_, doc, markers) => {
    for (const [k, text] of visible(doc).entries())
      for (const m of markers) expect(text.replace('🖼', '').includes(m), `after ${JSON.stringify(doc.slice(0, k + 1))}: ${JSON.stringify(text)}`).toBe(false);
  });

  test('an unclosed fence shows as a code block so far', () => {
    const s = streamer();
    expect(s.update('```py\nx = 1\ny =')).toContain('<code data-lang="py">x = 1\ny =</code>');
  });

  test('a half link shows its text without a link until complete', () => {
    const s = streamer();
    expect(s.update('see [docs](https://a.exam')).toBe('<p>see docs</p>');
    expect(s.update('see [docs](https://a.example)')).toContain('<a href="https://a.example/"');
  });

  test('when not streaming, unclosed markers are literal', () => {
    expect(html('**bold and `code and [link](http')).toBe('<p>**bold and `code and [link](http</p>');
  });

  test('the visible text only grows, except where a marker resolves (no layout jumps back)', () => {
    const doc = 'Plain words then **bold** then `code` then [a link](https://a.example) and more words.';
    const seen = visible(doc);
    let shrinks = 0;
    for (let k = 1; k < seen.length; k++) if (!seen[k]!.startsWith(seen[k - 1]!)) shrinks++;
    expect(shrinks).toBe(0);
  });
});

describe('finished blocks are frozen', () => {
  test('their DOM elements are kept as more text arrives', () => {
    const s = streamer();
    s.update('# Title\n\nFirst paragraph.\n\n```js\nx\n```\n\n- a\n- b\n\nSecond');
    const [h, p, code, list] = Array.from(s.div.firstElementChild!.children);
    const firstItem = list!.firstElementChild;
    let text = '# Title\n\nFirst paragraph.\n\n```js\nx\n```\n\n- a\n- b\n\nSecond';
    for (const t of tokens(' paragraph grows with **many** words.\n\n- c\n- d\n\nThird one.')) {
      s.update((text += t));
      const now = s.div.firstElementChild!.children;
      expect([now[0], now[1], now[2], now[3]]).toEqual([h, p, code, list]);
      expect(now[0]).toBe(h);
      expect(now[1]).toBe(p);
      expect(now[2]).toBe(code);
      expect(now[3]!.firstElementChild).toBe(firstItem);
    }
  });

  test('an open block keeps its element when it closes', () => {
    const s = streamer();
    s.update('Growing para');
    const p = s.div.querySelector('p');
    s.update('Growing paragraph\n\nNext');
    expect(s.div.querySelector('p')).toBe(p);
  });

  test('Preact diffs a bounded number of VNodes per update, however long the reply', () => {
    const previous = options.diffed;
    let diffed = 0;
    options.diffed = (v: VNode) => {
      diffed++;
      previous?.(v);
    };
    try {
      const s = streamer();
      const perUpdate: number[] = [];
      let text = '';
      for (const t of tokens(reply(2000))) {
        diffed = 0;
        s.update((text += t));
        perUpdate.push(diffed);
      }
      const early = Math.max(...perUpdate.slice(200, 400));
      const late = Math.max(...perUpdate.slice(-200));
      expect(late).toBeLessThan(200);
      expect(late).toBeLessThanOrEqual(early * 1.5);
    } finally {
      options.diffed = previous;
    }
  });
});

/**
 * A reply like the benchmark's (tokens `w0 w1 …`, a paragraph every 50 tokens, some bold), with a
 * list, a code block, a table and a quote mixed in now and then.
 */
function reply(count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) {
    out += i % 7 === 3 ? `**w${i}** ` : `w${i} `;
    if (i % 50 === 49) {
      const k = (i / 50) | 0;
      out += '\n\n';
      if (k % 8 === 2) out += '- item one\n- item **two**\n  - nested\n\n';
      if (k % 8 === 4) out += '```js\nconst x = 1;\nconsole.log(x);\n```\n\n';
      if (k % 8 === 6) out += '| a | b |\n|---|--:|\n| 1 | 2 |\n| 3 | 4 |\n\n';
      if (k % 8 === 7) out += '> a quote with `code`\n\n';
    }
  }
  return out;
}

describe('total work is linear in the reply', () => {
  /** Characters scanned to stream `text` in chunks of 1–3 tokens, as a model and one frame per update would. */
  function scanned(text: string, fresh = false): number {
    const next = random(7);
    const parts = tokens(text);
    let r = createMarkdownRenderer();
    let sofar = '';
    parseStats.scanned = 0;
    for (let i = 0; i < parts.length; ) {
      for (let n = 1 + Math.floor(next() * 3); n-- && i < parts.length; ) sofar += parts[i++];
      if (fresh) r = createMarkdownRenderer();
      r.render(sofar, true);
    }
    r.render(sofar, false);
    return parseStats.scanned;
  }

  test('an 8,000-token reply fed in small chunks scans less than 3× its length', () => {
    const text = reply(8000);
    const total = scanned(text);
    expect(total / text.length).toBeLessThan(3);
  });

  test('4× the tokens cost 4× the work (2,000 vs 8,000 tokens)', () => {
    const small = scanned(reply(2000));
    const large = scanned(reply(8000));
    expect(large / small).toBeGreaterThan(3.6);
    expect(large / small).toBeLessThan(4.4);
  });

  test('the counter would catch a re-parse of the whole text per update', () => {
    const text = reply(1000);
    expect(scanned(text, true) / text.length).toBeGreaterThan(100);
  });
});
