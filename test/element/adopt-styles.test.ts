// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { adoptStyles } from '../../widget/element/adopt-styles.js';

function shadowRoot(): ShadowRoot {
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  root.append(document.createElement('main'));
  return root;
}

describe('adoptStyles', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shares one constructable sheet between roots and adopts it once per root', () => {
    const [a, b] = [shadowRoot(), shadowRoot()];
    adoptStyles(a, '.x{color:red}');
    adoptStyles(a, '.x{color:red}');
    adoptStyles(b, '.x{color:red}');
    expect(a.adoptedStyleSheets).toHaveLength(1);
    expect(b.adoptedStyleSheets[0]).toBe(a.adoptedStyleSheets[0]);
    expect(a.querySelector('style')).toBeNull();
  });

  it('falls back to <style nonce> elements, in the order they were adopted, before the content', () => {
    vi.stubGlobal('CSSStyleSheet', undefined);
    const root = shadowRoot();
    adoptStyles(root, '.shell{}', 'n0nce');
    adoptStyles(root, '.panel{}', 'n0nce');
    expect([...root.children].map((child) => child.textContent || child.localName)).toEqual(['.shell{}', '.panel{}', 'main']);
    expect((root.children[1] as HTMLStyleElement).nonce).toBe('n0nce');
  });
});
