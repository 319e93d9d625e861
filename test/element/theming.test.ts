// @vitest-environment happy-dom
import { fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { shellCss } from '../../widget/element/shell-styles.js';
import { panelCss } from '../../widget/view/panel-styles.js';
import { cleanup, mount, stubProxy, tick } from './support.js';

afterEach(cleanup);

const background = (node: Element | null) => getComputedStyle(node!).backgroundColor;
const prefersDark = (dark: boolean) => {
  (window as unknown as { happyDOM: { settings: { device: { prefersColorScheme: string } } } }).happyDOM.settings.device.prefersColorScheme = dark ? 'dark' : 'light';
};

describe('theme', () => {
  afterEach(() => prefersDark(false));

  it('is light by default, dark with theme="dark", and follows the property', async () => {
    const { el, panel } = mount({ endpoint: '/api/agento', open: '' });
    const section = await panel();
    expect(el.theme).toBe('light');
    expect(background(section)).toBe('#fff');
    el.theme = 'dark';
    expect(el.getAttribute('theme')).toBe('dark');
    expect(background(section)).toBe('#18181b');
    expect(getComputedStyle(section).color).toBe('#f4f4f5');
    el.theme = null as never;
    expect(el.hasAttribute('theme')).toBe(false);
    expect(background(section)).toBe('#fff');
  });

  it('auto follows prefers-color-scheme: dark', async () => {
    prefersDark(true);
    const { panel } = mount({ endpoint: '/api/agento', open: '', theme: 'auto' });
    expect(background(await panel())).toBe('#18181b');
  });

  it('auto follows prefers-color-scheme: light', async () => {
    prefersDark(false);
    const { panel } = mount({ endpoint: '/api/agento', open: '', theme: 'auto' });
    expect(background(await panel())).toBe('#fff');
  });

  it('an unknown theme is light', () => {
    const { el } = mount({ endpoint: '/api/agento', theme: 'sepia' });
    expect(el.theme).toBe('light');
  });

  it('the page’s custom properties reach the panel', async () => {
    // That a page's values also win over the dark palette (outer rules beat `:host`) is cascade
    // behaviour happy-dom does not model: test/browser/theming.test.ts checks it in Chromium.
    const { panel } = mount({ endpoint: '/api/agento', open: '' });
    const section = await panel();
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('agento-chat{--agento-bg:#102030;--agento-radius:3px}');
    document.adoptedStyleSheets = [sheet];
    try {
      expect(background(section)).toBe('#102030');
      expect(getComputedStyle(section).borderTopLeftRadius).toBe('3px');
    } finally {
      document.adoptedStyleSheets = [];
    }
  });

  it('the dark palette is the same for dark and for auto in a dark scheme, and sets only documented properties', () => {
    const dark = /:host\(\[theme=dark\]\)\{([^}]*)\}/.exec(panelCss)?.[1];
    const auto = /@media \(prefers-color-scheme:dark\)\{:host\(\[theme=auto\]\)\{([^}]*)\}\}/.exec(panelCss)?.[1];
    expect(dark).toBeTruthy();
    expect(auto).toBe(dark);
    expect(dark).toContain('color-scheme:dark');
  });
});

describe('position', () => {
  it('is bottom-right by default: launcher and panel on the right', async () => {
    const { el, part, panel } = mount({ endpoint: '/api/agento', open: '' });
    await panel();
    expect(el.position).toBe('bottom-right');
    expect(getComputedStyle(part('launcher')!).right).toBe('20px');
    expect(part('launcher')!.classList.contains('left')).toBe(false);
    expect(getComputedStyle(part('panel')!).left).not.toBe('20px');
  });

  it('bottom-left moves launcher and panel to the left, by attribute or property', async () => {
    const { el, part, panel } = mount({ endpoint: '/api/agento', open: '' });
    await panel();
    el.position = 'bottom-left';
    expect(el.getAttribute('position')).toBe('bottom-left');
    const launcher = getComputedStyle(part('launcher')!);
    expect([launcher.left, launcher.right]).toEqual(['20px', 'auto']);
    expect(getComputedStyle(part('panel')!).left).toBe('20px');
    el.setAttribute('position', 'bottom-right');
    expect(part('launcher')!.classList.contains('left')).toBe(false);
  });

  it('defaults to bottom-left when the widget is right to left; an explicit position wins', () => {
    const { el, part } = mount({ endpoint: '/api/agento', lang: 'ar' });
    expect(el.position).toBe('bottom-left');
    expect(part('launcher')!.classList.contains('left')).toBe(true);
    el.position = 'bottom-right';
    expect(part('launcher')!.classList.contains('left')).toBe(false);
  });

  it('an unknown position falls back to the default', () => {
    const { el } = mount({ endpoint: '/api/agento', position: 'top-left' });
    expect(el.position).toBe('bottom-right');
  });
});

describe('fonts and styles', () => {
  it('uses the host page’s font unless --agento-font says otherwise', async () => {
    const style = document.createElement('style');
    style.textContent = 'body{font-family:Georgia,serif}';
    document.head.append(style);
    try {
      const { panel } = mount({ endpoint: '/api/agento', open: '' });
      const section = await panel();
      expect(getComputedStyle(section).fontFamily).toMatch(/^Georgia, ?serif$/);
      style.textContent += ' agento-chat{--agento-font:Inter}';
      expect(getComputedStyle(section).fontFamily).toBe('Inter');
    } finally {
      style.remove();
    }
    expect(panelCss).toContain('font-family:var(--agento-font,inherit)');
  });

  it('writes no inline style anywhere, even with a conversation on screen (CSP)', async () => {
    const proxy = stubProxy();
    const { root, part, panel } = mount({ endpoint: '/api/agento', open: '', theme: 'auto', position: 'bottom-left' });
    await panel();
    fireEvent.input(part('input')!, { target: { value: 'Hi' } });
    fireEvent.keyDown(part('input')!, { key: 'Enter' });
    await waitFor(() => expect(part('stop')).not.toBeNull());
    proxy.reply.text('Hello **there**');
    proxy.reply.done();
    await waitFor(() => expect(part('message-assistant')?.dataset.state).toBe('complete'));
    await tick(20);
    expect(root.querySelectorAll('[style]')).toHaveLength(0);
    expect(root.querySelectorAll('style')).toHaveLength(0);
    expect(root.adoptedStyleSheets.length).toBe(2);
  });

  it('the stylesheets hold no hard-coded position that ignores the writing direction choice', () => {
    // Physical right/left only, switched by the `left` class: logical insets would follow `dir` and split
    // the launcher (page direction) from the panel (widget direction).
    expect(shellCss + panelCss).not.toMatch(/inset-inline/);
  });
});
