import { describe, expect, test } from 'vitest';
import { createBlockParser, parseBlocks } from '../../widget/view/markdown/index.js';
import type { Block, Root } from '../../widget/view/markdown/index.js';

/** A compact, readable form of the tree: type, then the interesting fields. */
function shape(b: Block | Root): unknown {
  switch (b.type) {
    case 'root':
      return b.children.map(shape);
    case 'p':
      return ['p', b.text];
    case 'h':
      return [`h${b.level}`, b.text];
    case 'pre':
      return ['code', b.lang, b.text];
    case 'hr':
      return ['hr'];
    case 'blockquote':
      return ['quote', ...b.children.map(shape)];
    case 'ul':
    case 'ol':
      return [b.type === 'ol' ? `ol${b.start}` : 'ul', ...b.children.map(shape)];
    case 'li':
      return ['li', ...b.children.map(shape)];
    case 'table':
      return ['table', b.align.join(','), b.head.cells, ...b.children.map((r) => r.cells)];
  }
}
const parse = (text: string) => shape(parseBlocks(text));

describe('parseBlocks', () => {
  test('paragraphs are separated by blank lines and keep their line breaks', () => {
    expect(parse('a\nb\n\n\nc  \n')).toEqual([['p', 'a\nb'], ['p', 'c  ']]);
    expect(parse('   indented\n\ttab')).toEqual([['p', 'indented\ntab']]);
  });

  test('ATX headings, closing sequences stripped; #hashtag is text', () => {
    expect(parse('# One\n## Two ##\n###### Six\n####### seven\n#hashtag\n#')).toEqual([
      ['h1', 'One'],
      ['h2', 'Two'],
      ['h6', 'Six'],
      ['p', '####### seven\n#hashtag'],
      ['h1', ''],
    ]);
  });

  test('fenced code keeps blank lines and indentation, takes the first info word as language, runs to the end when unclosed', () => {
    expect(parse('```ts title="x"\nconst a = 1;\n\n  b\n```\nafter')).toEqual([['code', 'ts', 'const a = 1;\n\n  b\n'], ['p', 'after']]);
    expect(parse('~~~\n```\n~~~')).toEqual([['code', '', '```\n']]);
    expect(parse('````\n```\n````')).toEqual([['code', '', '```\n']]);
    expect(parse('```js\nopen')).toEqual([['code', 'js', 'open\n']]);
    expect(parse('``` a`b\n')).toEqual([['p', '``` a`b']]);
    expect(parse('  ```\n  x\n   y\n  ```')).toEqual([['code', '', 'x\n y\n']]);
  });

  test('rules, and a rule wins over a list item', () => {
    expect(parse('***\n- - -\n___\n--')).toEqual([['hr'], ['hr'], ['hr'], ['p', '--']]);
  });

  test('bullet and ordered lists, nested by indentation, with start numbers', () => {
    expect(parse('- a\n- b\n  - c\n    1. d\n- e')).toEqual([['ul', ['li', ['p', 'a']], ['li', ['p', 'b'], ['ul', ['li', ['p', 'c'], ['ol1', ['li', ['p', 'd']]]]]], ['li', ['p', 'e']]]]);
    expect(parse('3. x\n4. y')).toEqual([['ol3', ['li', ['p', 'x']], ['li', ['p', 'y']]]]);
    expect(parse('- a\n+ b\n1. c\n1) d')).toEqual([['ul', ['li', ['p', 'a']]], ['ul', ['li', ['p', 'b']]], ['ol1', ['li', ['p', 'c']]], ['ol1', ['li', ['p', 'd']]]]);
  });

  test('list items continue over blank lines and lazy lines; an unindented line ends the list', () => {
    expect(parse('- a\n\n  more\n- b\nlazy\n\nafter')).toEqual([['ul', ['li', ['p', 'a'], ['p', 'more']], ['li', ['p', 'b\nlazy']]], ['p', 'after']]);
  });

  test('only a non-empty item numbered 1 interrupts a paragraph', () => {
    expect(parse('The year\n2024. was good\n-\n1. one')).toEqual([['p', 'The year\n2024. was good\n-'], ['ol1', ['li', ['p', 'one']]]]);
  });

  test('blockquotes nest, continue lazily, and hold other blocks', () => {
    expect(parse('> a\nlazy\n> > b\n\n> - x\n> ```\n> code\n> ```')).toEqual([
      ['quote', ['p', 'a\nlazy'], ['quote', ['p', 'b']]],
      ['quote', ['ul', ['li', ['p', 'x']]], ['code', '', 'code\n']],
    ]);
  });

  test('GFM tables: alignment, escaped pipes, rows until a blank line; the header may end a paragraph', () => {
    expect(parse('| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 \\| 3 |\nx\n\nafter')).toEqual([['table', 'left,center,right', ['a', 'b', 'c'], ['1', '2 | 3'], ['x']], ['p', 'after']]);
    expect(parse('text\na | b\n--|--\n1|2')).toEqual([['p', 'text'], ['table', ',', ['a', 'b'], ['1', '2']]]);
    // Cell counts disagree: no table.
    expect(parse('| a | b |\n|---|\n| c |')).toEqual([['p', '| a | b |\n|---|\n| c |']]);
  });

  test('nesting deeper than the limit is text, not recursion', () => {
    const deep = parseBlocks('>'.repeat(5000) + ' x');
    let depth = 0;
    for (let b: Block | Root = deep; 'children' in b && b.children[0]; b = b.children[0] as Block) depth++;
    expect(depth).toBeLessThan(14);
  });

  test('CRLF line ends', () => {
    expect(parse('# a\r\n\r\nb\r\nc')).toEqual([['h1', 'a'], ['p', 'b\nc']]);
  });
});

describe('createBlockParser (streaming)', () => {
  test('a tentative last line is applied and taken back', () => {
    const p = createBlockParser();
    const undo = p.feed('para\n- ite', false);
    expect(shape(p.root)).toEqual([['p', 'para'], ['ul', ['li', ['p', 'ite']]]]);
    undo();
    expect(shape(p.root)).toEqual([['p', 'para']]);
    p.feed('para\n- item\n', false)();
    expect(shape(p.root)).toEqual([['p', 'para'], ['ul', ['li', ['p', 'item']]]]);
  });

  test('blocks closed by a complete line are done; open ones are not', () => {
    const p = createBlockParser();
    p.feed('# h\npara\n\n- a\n- b\n', false)();
    const [h, para, list] = p.root.children as [Block, Block, Block & { children: Block[] }];
    expect([h.done, para.done, list.done, list.children[0]!.done, list.children[1]!.done]).toEqual([true, true, undefined, true, undefined]);
    p.feed('# h\npara\n\n- a\n- b\n\nend', true)();
    expect(list.done && list.children[1]!.done).toBe(true);
  });

  test('feeding any split gives the tree of a one-shot parse', () => {
    const doc = '# T\n\npara *x*\nmore\n\n> q\n> - a\n>   b\n\n| a | b |\n|---|:-:|\n| 1 | 2 |\n\n```py\nx\n\ny\n```\n1. one\n2. two\n\n---\nend';
    const whole = parse(doc);
    for (let k = 0; k <= doc.length; k++) {
      const p = createBlockParser();
      p.feed(doc.slice(0, k), false)();
      p.feed(doc, true)();
      expect(shape(p.root), `split at ${k}`).toEqual(whole);
    }
  });

  test('a last line that is only a marker is held back while streaming', () => {
    for (const tail of ['-', '##', '``', '1.', '> -', '|', ' 12']) {
      const p = createBlockParser();
      p.feed(`para\n\n${tail}`, false);
      expect(shape(p.root), tail).toEqual([['p', 'para']]);
    }
  });
});
