// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { Markdown, markdownCss } from '../../widget/view/markdown/index.js';
import { html, mount } from './render-md.js';
import { render } from 'preact';

const A = 'target="_blank" rel="noopener noreferrer nofollow"';

describe('Markdown renders each construct as elements', () => {
  test('paragraphs, soft and hard line breaks', () => {
    expect(html('one\ntwo  \nthree\\\nfour\n\nnext')).toBe('<p>one<br>two<br>three<br>four</p><p>next</p>');
  });

  test('headings start at h3 under the panel title, keep their distances, and have a class for the source level', () => {
    expect(html('# a\n## b\n### c\n#### d')).toBe('<h3 class="ac-h1">a</h3><h4 class="ac-h2">b</h4><h5 class="ac-h3">c</h5><h6 class="ac-h4">d</h6>');
    // A reply that opens with ## skips no level: its first heading is h3 all the same.
    expect(html('## a\n### b\n# c')).toBe('<h3 class="ac-h2">a</h3><h4 class="ac-h3">b</h4><h3 class="ac-h1">c</h3>');
  });

  test('emphasis, strong, strikethrough, inline code', () => {
    expect(html('*a* **b** ~~c~~ `d`')).toBe('<p><em>a</em> <strong>b</strong> <del>c</del> <code>d</code></p>');
  });

  test('fenced code: language label, copy button, text content', () => {
    const out = html('```python\nprint("<b>")\n```');
    expect(out).toBe(
      '<div class="ac-code"><div class="ac-code-bar"><span class="ac-code-lang">python</span>' +
        '<button type="button" class="ac-copy" aria-live="polite">Copy</button></div>' +
        '<pre tabindex="0"><code data-lang="python">print("&lt;b&gt;")</code></pre></div>',
    );
  });

  test('nested and ordered lists, with start', () => {
    expect(html('- a\n  1. b\n  2. c\n- d\n\n7. x')).toBe('<ul><li><p>a</p><ol><li><p>b</p></li><li><p>c</p></li></ol></li><li><p>d</p></li></ul><ol start="7"><li><p>x</p></li></ol>');
  });

  test('nested blockquotes', () => {
    expect(html('> a\n> > b')).toBe('<blockquote><p>a</p><blockquote><p>b</p></blockquote></blockquote>');
  });

  test('links, titles, bare autolinks', () => {
    expect(html('[t](https://a.example "T &amp; U") https://b.example')).toBe(`<p><a href="https://a.example/" title="T &amp; U" ${A}>t</a> <a href="https://b.example/" ${A}>https://b.example</a></p>`);
  });

  test('tables: alignment by class (no inline style), wrapped to scroll sideways', () => {
    expect(html('a | b\n--|--\n1 | 2')).toBe('<div class="ac-table"><table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table></div>');
    expect(html('| a | b |\n|:-:|--:|\n| *1* | 2 |')).toBe(
      '<div class="ac-table"><table><thead><tr><th class="ac-al-center">a</th><th class="ac-al-right">b</th></tr></thead>' +
        '<tbody><tr><td class="ac-al-center"><em>1</em></td><td class="ac-al-right">2</td></tr></tbody></table></div>',
    );
  });

  test('rules, escapes, entities as text', () => {
    expect(html('a\n\n---\n\n\\*b\\* &amp; &lt;i&gt;')).toBe('<p>a</p><hr><p>*b* &amp; &lt;i&gt;</p>');
  });

  test('raw HTML is shown as text', () => {
    const div = mount('<b>bold?</b>\n\n<div onclick="x">');
    expect(div.querySelector('.ac-md b, .ac-md div')).toBeNull();
    expect(div.textContent).toBe('<b>bold?</b><div onclick="x">');
  });

  test('images are links by default, <img> only when allowed', () => {
    expect(html('![a cat](https://i.example/cat.png)')).toBe(`<p><a href="https://i.example/cat.png" class="ac-img" ${A}>🖼 a cat</a></p>`);
    expect(html('![a cat](https://i.example/cat.png "T")', { allowImages: true })).toBe(
      '<p><img src="https://i.example/cat.png" alt="a cat" title="T" loading="lazy" referrerpolicy="no-referrer"></p>',
    );
    expect(html('![x](javascript:alert(1))', { allowImages: true })).toBe('<p>x</p>');
  });

  test('no style attribute anywhere, so a strict CSP needs no unsafe-inline', () => {
    const div = mount('# h\n\n| a |\n|:-:|\n| b |\n\n```\nc\n```\n\n> q\n\n- l');
    expect(div.querySelectorAll('[style]')).toHaveLength(0);
  });

  test('changing allowImages re-renders', () => {
    const div = document.createElement('div');
    render(<Markdown text="![a](https://i.example/a.png)" />, div);
    expect(div.querySelector('img')).toBeNull();
    render(<Markdown text="![a](https://i.example/a.png)" allowImages />, div);
    expect(div.querySelector('img')).not.toBeNull();
  });

  test('a text that does not extend the previous one is parsed afresh', () => {
    const div = document.createElement('div');
    render(<Markdown text="**a** b" streaming />, div);
    render(<Markdown text="*c*" streaming />, div);
    expect(div.firstElementChild!.innerHTML).toBe('<p><em>c</em></p>');
  });

  test('a text parsed afresh starts its headings at h3 again', () => {
    const div = document.createElement('div');
    render(<Markdown text="# a" streaming />, div);
    render(<Markdown text={'## b\n### c'} streaming />, div);
    expect(div.firstElementChild!.innerHTML).toBe('<h3 class="ac-h2">b</h3><h4 class="ac-h3">c</h4>');
  });
});

describe('code block copy button', () => {
  afterEach(() => vi.useRealTimers());

  test('copies the code and says Copied for 1.5 s', async () => {
    vi.useFakeTimers();
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    const div = document.createElement('div');
    await act(() => render(<Markdown text={'```sh\nnpm i\necho ok\n```'} />, div));
    const button = div.querySelector('button')!;
    await act(async () => button.click());
    expect(writeText).toHaveBeenCalledWith('npm i\necho ok');
    expect(button.textContent).toBe('Copied');
    await act(() => {
      vi.advanceTimersByTime(1499);
    });
    expect(button.textContent).toBe('Copied');
    await act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(button.textContent).toBe('Copy');
    vi.unstubAllGlobals();
  });

  test('labels come from the labels prop', () => {
    const div = document.createElement('div');
    render(<Markdown text={'```\nx\n```'} labels={{ copy: 'Kopieren', copied: 'Kopiert' }} />, div);
    expect(div.querySelector('button')!.textContent).toBe('Kopieren');
  });

  test('a frozen code block follows a change of labels', () => {
    const div = document.createElement('div');
    const draw = (copy: string, text: string) =>
      render(<Markdown text={text} streaming labels={{ copy, copied: '' }} />, div);
    draw('Copy', '```\nx\n```\n\nmore');
    const button = div.querySelector('button')!;
    draw('Copy', '```\nx\n```\n\nmore text');
    act(() => draw('Kopieren', '```\nx\n```\n\nmore text and'));
    expect(div.querySelector('button')).toBe(button);
    expect(button.textContent).toBe('Kopieren');
  });

  test('no button without the Clipboard API', () => {
    vi.stubGlobal('navigator', {});
    expect(mount('```\nx\n```').querySelector('button')).toBeNull();
    vi.unstubAllGlobals();
  });
});

describe('markdownCss', () => {
  test('is class-based, scrolls code and tables sideways, wraps long words, themes through --agento-*', () => {
    expect(markdownCss).toMatch(/\.ac-md pre\{[^}]*overflow-x:auto/);
    expect(markdownCss).toMatch(/\.ac-table\{[^}]*overflow-x:auto/);
    expect(markdownCss).toMatch(/\.ac-md\{[^}]*overflow-wrap:anywhere/);
    expect(markdownCss).toContain('var(--agento-code-bg,');
    expect(markdownCss).not.toMatch(/url\(|@import|expression/);
  });
});
