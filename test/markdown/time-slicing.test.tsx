// @vitest-environment happy-dom
import { h, render, type VNode } from 'preact';
import { describe, expect, test } from 'vitest';
import { createMarkdownRenderer, RENDER_BUDGET } from '../../widget/view/markdown/markdown.js';
import { html, streamer } from './render-md.js';

/** A reply like the benchmark's: tokens `w0 w1 …`, some bold, a paragraph every 50 tokens, a list and a code block now and then. */
function reply(count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) {
    out += i % 10 === 7 ? `**w${i}** ` : `w${i} `;
    if (i % 50 === 49) out += (i / 50) % 5 === 2 ? '\n\n- item **one**\n- item two\n\n```js\nconst x = 1;\n```\n\n' : '\n\n';
  }
  return out;
}

/** Renders VNodes into a div kept between calls, as the component does; returns the div. */
function dom() {
  const div = document.createElement('div');
  return (nodes: VNode<any>[]) => (render(h('div', { class: 'ac-md' }, nodes), div), div.firstElementChild as HTMLElement);
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** The next animation frame, after the renders it caused (Preact renders in a microtask). */
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

describe('a burst renders a budget of new text per call', () => {
  const text = reply(8000);

  test('one huge update takes in at most the budget per call, then converges on the whole reply', () => {
    expect(text.length).toBeGreaterThan(10 * RENDER_BUDGET);
    const r = createMarkdownRenderer();
    const show = dom();
    let shown = 0;
    let calls = 0;
    do {
      const out = show(r.render(text, true)).textContent!;
      calls++;
      expect(out.length - shown).toBeLessThanOrEqual(RENDER_BUDGET);
      expect(out.length).toBeGreaterThan(shown);
      shown = out.length;
    } while (r.more);
    // Cut at line ends, each call still takes in nearly a whole budget.
    expect(calls).toBeLessThan((text.length / RENDER_BUDGET) * 1.2);
    expect(show(r.render(text, false)).innerHTML).toBe(html(text));
  });

  test('the end of a stream that is behind keeps the budget, and ends in exactly the non-streaming render', () => {
    const r = createMarkdownRenderer();
    const show = dom();
    show(r.render(text.slice(0, 100), true));
    let calls = 0;
    let shown = 0;
    let out: HTMLElement;
    do {
      out = show(r.render(text, false));
      calls++;
      expect(out.textContent!.length - shown).toBeLessThanOrEqual(RENDER_BUDGET + 100);
      shown = out.textContent!.length;
    } while (r.more);
    expect(calls).toBeGreaterThan(10);
    expect(out.innerHTML).toBe(html(text));
  });

  test('history (not streamed) renders whole at once', () => {
    const r = createMarkdownRenderer();
    expect(dom()(r.render(text, false)).innerHTML).toBe(html(text));
    expect(r.more).toBe(false);
  });

  test('a small update is not cut', () => {
    const r = createMarkdownRenderer();
    r.render(text.slice(0, 1000), true);
    r.render(text.slice(0, 1000 + RENDER_BUDGET), true);
    expect(r.more).toBe(false);
  });

  test('a cut is at a line end when the budget holds one: no half words', () => {
    const para = (k: number) => `p${k} ` + 'word '.repeat(198) + `end${k}`;
    const text = Array.from({ length: 12 }, (_, k) => para(k)).join('\n\n');
    const r = createMarkdownRenderer();
    const show = dom();
    const ps = [...show(r.render(text, true)).querySelectorAll('p')];
    expect(r.more).toBe(true);
    expect(ps.length).toBe(Math.floor(RENDER_BUDGET / (para(0).length + 2)));
    ps.forEach((p, k) => expect(p.textContent).toBe(para(k)));
  });

  test('a cut without a line end never splits a surrogate pair', () => {
    const long = 'x'.repeat(RENDER_BUDGET - 1) + '😀 and more 🎉'.repeat(RENDER_BUDGET / 4);
    const r = createMarkdownRenderer();
    const show = dom();
    const seen: string[] = [];
    do seen.push(show(r.render(long, true)).textContent!);
    while (r.more);
    expect(seen.length).toBeGreaterThan(2);
    for (const s of seen) expect(s).not.toMatch(loneSurrogate);
    expect(seen[0]).toBe('x'.repeat(RENDER_BUDGET - 1));
    expect(show(r.render(long, false)).innerHTML).toBe(html(long));
  });
});

describe('the Markdown component catches up one budget per frame', () => {
  test('renders the start at once and the rest in the next frames, ending in the same DOM', async () => {
    const text = reply(3000);
    const s = streamer();
    s.update(text);
    const shown = [s.div.textContent!.length];
    for (let k = 0; k < 100; k++) {
      await frame();
      if (s.div.textContent!.length === shown.at(-1)) break;
      shown.push(s.div.textContent!.length);
    }
    expect(shown.length).toBeGreaterThan(3);
    for (let k = 1; k < shown.length; k++) expect(shown[k]! - shown[k - 1]!).toBeLessThanOrEqual(RENDER_BUDGET);
    expect(s.update(text, false)).toBe(html(text));
  });

  test('updates while behind wait for the frame: one budget per frame, not one per update', async () => {
    const text = reply(3000);
    const s = streamer();
    s.update(text.slice(0, text.length - 10));
    const shown = s.div.textContent!.length;
    // More text arrives before the next frame: nothing more is taken in until then.
    s.update(text);
    expect(s.div.textContent!.length).toBe(shown);
    await frame();
    const next = s.div.textContent!.length;
    expect(next).toBeGreaterThan(shown);
    expect(next - shown).toBeLessThanOrEqual(RENDER_BUDGET);
  });

  test('a finished reply that is behind still ends complete', async () => {
    const text = reply(3000);
    const s = streamer();
    s.update(text.slice(0, 200));
    s.update(text, false);
    for (let k = 0; k < 100 && s.div.firstElementChild!.innerHTML !== html(text); k++) await frame();
    expect(s.div.firstElementChild!.innerHTML).toBe(html(text));
  });

  test('unmounting cancels the pending frame', async () => {
    const s = streamer();
    s.update(reply(3000));
    render(null, s.div);
    await frame();
    expect(s.div.innerHTML).toBe('');
  });
});
