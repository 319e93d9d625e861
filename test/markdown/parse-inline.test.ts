import { describe, expect, test } from 'vitest';
import { parseInline, parseStats, type Inline } from '../../widget/view/markdown/index.js';

/** Inline nodes as a terse string: tags in brackets, text as is. */
function show(nodes: Inline[]): string {
  return nodes
    .map((n) => {
      if (typeof n === 'string') return n;
      switch (n.type) {
        case 'br':
          return '[br]';
        case 'code':
          return `[code:${n.text}]`;
        case 'a':
          return `[a${n.href ? ' ' + n.href : ''}${n.title ? ` "${n.title}"` : ''}:${show(n.children)}]`;
        case 'img':
          return `[img${n.src ? ' ' + n.src : ''}:${n.alt}]`;
        default:
          return `[${n.type}:${show(n.children)}]`;
      }
    })
    .join('');
}
const exact = (s: string) => show(parseInline(s));
const lenient = (s: string) => show(parseInline(s, true));

describe('parseInline', () => {
  test('emphasis, strong, strikethrough and their nesting', () => {
    expect(exact('*a* _b_ **c** __d__ ~~e~~')).toBe('[em:a] [em:b] [strong:c] [strong:d] [del:e]');
    expect(exact('***both*** **a *b* c** *a **b** c*')).toBe('[em:[strong:both]] [strong:a [em:b] c] [em:a [strong:b] c]');
    expect(exact('~~**x**~~ ~single~')).toBe('[del:[strong:x]] ~single~');
  });

  test('flanking rules: intraword underscores and spaced stars are literal', () => {
    expect(exact('snake_case_name 2 * 3 * 4 a*b*c')).toBe('snake_case_name 2 * 3 * 4 a[em:b]c');
    expect(exact('** not** *not *')).toBe('** not** *not *');
  });

  test('unclosed markers are literal when exact', () => {
    expect(exact('**bold _em `code [link](http')).toBe('**bold _em `code [link](http');
  });

  test('code spans: literal content, matching backtick runs, one padding space stripped', () => {
    expect(exact('`a*b*` `` a`b `` ` x ` `  `')).toBe('[code:a*b*] [code:a`b] [code:x] [code:  ]');
    expect(exact('```no close` here')).toBe('```no close` here');
    expect(exact('`<img src=x onerror=alert(1)>`')).toBe('[code:<img src=x onerror=alert(1)>]');
  });

  test('links with titles, escapes, nested parentheses and angle brackets', () => {
    expect(exact('[a *b*](https://x.example/p_(q) "T")')).toBe('[a https://x.example/p_(q) "T":a [em:b]]');
    expect(exact("[a](<https://x.example/a b> 'T')")).toBe('[a https://x.example/a%20b "T":a]');
    expect(exact('[a](https://x.example/\\(x\\))')).toBe('[a https://x.example/(x):a]');
    expect(exact('[a](mailto:me@x.example)')).toBe('[a mailto:me@x.example:a]');
    expect(exact('[not a link] [x] (y)')).toBe('[not a link] [x] (y)');
    expect(exact('[a [b](https://b.example)](https://a.example)')).toBe('[a [a https://b.example/:b]]([a https://a.example/:https://a.example])');
  });

  test('disallowed or relative destinations keep the text and drop the link', () => {
    expect(exact('[x](javascript:alert(1)) [y](/rel) [z](//host.example)')).toBe('[a:x] [a:y] [a:z]');
  });

  test('autolinks: <scheme:…> and bare http(s) URLs without trailing punctuation; <email> is text', () => {
    expect(exact('<https://a.example> <mailto:me@x.example> <me@x.example> <javascript:alert(1)>')).toBe(
      '[a https://a.example/:https://a.example] [a mailto:me@x.example:mailto:me@x.example] <me@x.example> <javascript:alert(1)>',
    );
    expect(exact('see https://a.example/x. (https://b.example/y_(z)) xhttps://c.example')).toBe(
      'see [a https://a.example/x:https://a.example/x]. ([a https://b.example/y_(z):https://b.example/y_(z)]) xhttps://c.example',
    );
  });

  test('images keep alt text and a checked http(s) source', () => {
    expect(exact('![a *b*](https://i.example/x.png "t") ![c](javascript:x) ![d](mailto:a@b.example)')).toBe('[img https://i.example/x.png:a b] [img:c] [img:d]');
  });

  test('line breaks: every newline, trailing spaces and backslash removed', () => {
    expect(exact('a\nb  \nc\\\nd')).toBe('a[br]b[br]c[br]d');
  });

  test('backslash escapes and entities are text', () => {
    expect(exact('\\*a\\* \\[b\\] \\\\ \\q')).toBe('*a* [b] \\ \\q');
    expect(exact('&amp; &lt;b&gt; &#42;x&#42; &#x1F600; &#0; &unknown; &amp')).toBe('& <b> *x* 😀 \ufffd &unknown; &amp');
  });

  test('raw HTML is text', () => {
    expect(exact('<b onclick="x">hi</b> <img src=x onerror=alert(1)>')).toBe('<b onclick="x">hi</b> <img src=x onerror=alert(1)>');
  });

  test('hostile nesting stays bounded and linear', () => {
    const start = performance.now();
    exact('*_'.repeat(20000) + 'x' + '_*'.repeat(20000));
    exact('['.repeat(20000) + '](' + 'x'.repeat(100));
    exact('`'.repeat(10) + ' '.repeat(10000) + '` ``'.repeat(5000));
    exact('[a](b "' + 'x'.repeat(50000));
    expect(performance.now() - start).toBeLessThan(2000);
  });
});

describe('parseInline, lenient (streaming tail)', () => {
  test('dangling markers at the end are hidden', () => {
    expect(lenient('a **')).toBe('a ');
    expect(lenient('a `')).toBe('a ');
    expect(lenient('a \\')).toBe('a ');
    expect(lenient('fish &am')).toBe('fish ');
    expect(lenient('x ~~')).toBe('x ');
  });

  test('unclosed emphasis, strikethrough and code render as if closed', () => {
    expect(lenient('**bol')).toBe('[strong:bol]');
    expect(lenient('**bold*')).toBe('[strong:bold]');
    expect(lenient('_em and **st')).toBe('[em:em and [strong:st]]');
    expect(lenient('~~gone')).toBe('[del:gone]');
    expect(lenient('run `npm i')).toBe('run [code:npm i]');
  });

  test('intraword openers are not closed early', () => {
    expect(lenient('a*b')).toBe('a*b');
  });

  test('a half-typed link shows its text until complete', () => {
    for (const s of ['[li', '[link', '[link]', '[link](', '[link](htt', '[link](https://x.example "ti'])
      expect(lenient(s), s).toBe(s === '[li' ? 'li' : 'link');
    expect(lenient('[link](https://x.example)')).toBe('[a https://x.example/:link]');
    expect(lenient('![alt](https://i.exa')).toBe('alt');
  });
});

describe('parseInline cache (a growing paragraph)', () => {
  test('resumes at the last stable cut and gives the same nodes as a full parse', () => {
    const text = 'Some **bold** words, `code`, [a link](https://x.example) and *more* text, https://y.example/z. End';
    const cache: { cut?: { pos: number; nodes: Inline[] } } = {};
    for (let k = 1; k <= text.length; k++) {
      const part = text.slice(0, k);
      expect(show(parseInline(part, true, cache)), part).toBe(show(parseInline(part, true)));
    }
    expect(show(parseInline(text, false, cache))).toBe(exact(text));
    expect(cache.cut!.pos).toBe(text.length - 4);
  });

  test('an open opener or unmatched backtick blocks cuts until resolved', () => {
    const cache: { cut?: { pos: number; nodes: Inline[] } } = {};
    parseInline('a `b c d', false, cache);
    expect(cache.cut?.pos).toBe(1);
    parseInline('a `b c d` e f', false, cache);
    expect(show(parseInline('a `b c d` e f g', false, cache))).toBe('a [code:b c d] e f g');
  });

  test('each call scans only the text after the cut', () => {
    const cache = {};
    let text = '';
    parseStats.scanned = 0;
    for (let i = 0; i < 2000; i++) parseInline((text += `w${i} `), true, cache);
    expect(parseStats.scanned).toBeLessThan(3 * text.length);
  });
});
