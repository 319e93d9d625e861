// Theming, words and direction in Chromium, on the script-tag build: what happy-dom cannot show
// (the cascade between a page's rules and the widget's `:host` rules, the colour scheme, real
// layout, language files loaded by URL next to the loader, AA contrast measured by axe).
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { runAxe, useStack } from './stack.js';
import { sendMessage, settledReply } from './widget.js';

const { test } = useStack();

/** Sets attributes on the page's `<agento-chat>`. */
function set(page: Page, attributes: Record<string, string>): Promise<void> {
  return page.locator('agento-chat').evaluate((element, attributes) => {
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  }, attributes);
}

/** Adds page CSS the way a strict-CSP page may: a constructable sheet, no <style>. */
function pageCss(page: Page, css: string): Promise<void> {
  return page.evaluate((css) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }, css);
}

const style = (page: Page, part: string, property: string) =>
  page.locator(`[part~=${part}]`).first().evaluate((element, property) => getComputedStyle(element).getPropertyValue(property), property);

/** axe's colour-contrast findings (WCAG AA): the palettes' concern here; the rest is test/browser/a11y.test.ts's. */
const contrast = async (page: Page) => (await runAxe(page)).filter((line) => line.startsWith('color-contrast'));

const box = async (page: Page, part: string) => (await page.locator(`[part~=${part}]`).first().boundingBox())!;

describe.concurrent('theming in a browser', { timeout: 60_000 }, () => {
  test('dark and light palettes; the page’s custom properties win over both; AA contrast in both', async ({ open, expect }) => {
    const { page } = await open('/demo/pages/script-tag.html');
    await set(page, { theme: 'dark' });
    await page.locator('[part~=launcher]').click();
    await sendMessage(page, 'markdown please');
    expect((await settledReply(page)).state).toBe('complete');
    expect(await style(page, 'panel', 'background-color')).toBe('rgb(24, 24, 27)');
    expect(await style(page, 'message-assistant', 'color')).toBe('rgb(244, 244, 245)');
    expect(await contrast(page)).toEqual([]);

    await set(page, { theme: 'light' });
    expect(await style(page, 'panel', 'background-color')).toBe('rgb(255, 255, 255)');
    expect(await contrast(page)).toEqual([]);

    await pageCss(page, 'agento-chat{--agento-bg:rgb(1, 2, 3);--agento-accent:rgb(15, 118, 110)}');
    expect(await style(page, 'panel', 'background-color')).toBe('rgb(1, 2, 3)');
    await set(page, { theme: 'dark' });
    expect(await style(page, 'panel', 'background-color')).toBe('rgb(1, 2, 3)');
    expect(await style(page, 'launcher', 'background-color')).toBe('rgb(15, 118, 110)');
    expect(await style(page, 'message-user', 'background-color')).toBe('rgb(15, 118, 110)');
  });

  test('theme="auto" follows the visitor’s colour scheme', async ({ open, expect }) => {
    for (const colorScheme of ['dark', 'light'] as const) {
      const { page } = await open('/demo/pages/script-tag.html', { context: { colorScheme } });
      await set(page, { theme: 'auto', open: '' });
      await page.locator('[part~=panel]').waitFor();
      expect(await style(page, 'panel', 'background-color')).toBe(colorScheme === 'dark' ? 'rgb(24, 24, 27)' : 'rgb(255, 255, 255)');
    }
  });

  test('::part() styles reach the parts; the page’s font is the widget’s', async ({ open, expect }) => {
    const { page } = await open('/demo/pages/script-tag.html');
    await pageCss(page, 'agento-chat::part(launcher){outline:4px solid rgb(1, 2, 3)} agento-chat::part(header){letter-spacing:3px}');
    await set(page, { open: '' });
    await page.locator('[part~=panel]').waitFor();
    expect(await style(page, 'launcher', 'outline-color')).toBe('rgb(1, 2, 3)');
    expect(await style(page, 'header', 'letter-spacing')).toBe('3px');
    const bodyFont = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    expect(await style(page, 'panel', 'font-family')).toBe(bodyFont);
    expect(bodyFont).toContain('Georgia');
  });

  test('position: bottom-right by default, bottom-left on request, launcher and panel together', async ({ open, expect }) => {
    const { page } = await open('/demo/pages/script-tag.html', { context: { viewport: { width: 1200, height: 800 } } });
    await set(page, { open: '' });
    await page.locator('[part~=panel]').waitFor();
    expect((await box(page, 'launcher')).x).toBeGreaterThan(1000);
    expect((await box(page, 'panel')).x).toBeGreaterThan(600);
    await set(page, { position: 'bottom-left' });
    expect((await box(page, 'launcher')).x).toBe(20);
    expect((await box(page, 'panel')).x).toBe(20);
  });
});

describe.concurrent('words in a browser', { timeout: 60_000 }, () => {
  test('a language file loads from next to agento-chat.js, only for its language', async ({ open, expect }) => {
    const { page } = await open('/demo/pages/script-tag.html', { navigate: false });
    const loaded: string[] = [];
    page.on('request', (request) => {
      if (/agento-chat[\w-]*\.js$/.test(request.url())) loaded.push(new URL(request.url()).pathname);
    });
    await page.goto('/demo/pages/script-tag.html');
    await page.locator('[part~=launcher]').waitFor();
    expect(await page.locator('[part~=launcher]').getAttribute('aria-label')).toBe('Open chat');
    expect(loaded.filter((path) => path.includes('-lang-'))).toEqual([]); // English is built in

    await set(page, { lang: 'de-AT' });
    await expect.poll(() => page.locator('[part~=launcher]').getAttribute('aria-label')).toBe('Chat öffnen');
    await page.locator('[part~=launcher]').click();
    await page.locator('[part~=panel]').waitFor();
    expect(await page.locator('[part~=send]').getAttribute('aria-label')).toBe('Senden');
    expect(loaded.sort()).toEqual(['/dist/agento-chat-lang-de.js', '/dist/agento-chat-panel.js', '/dist/agento-chat.js']);
  });

  test('Arabic: right to left, launcher and panel on the left', async ({ open, expect }) => {
    const { page } = await open('/demo/pages/script-tag.html', { context: { viewport: { width: 1200, height: 800 } } });
    await set(page, { lang: 'ar', open: '' });
    await expect.poll(() => page.locator('[part~=send]').getAttribute('aria-label')).toBe('إرسال');
    expect(await style(page, 'panel', 'direction')).toBe('rtl');
    expect((await box(page, 'launcher')).x).toBe(20);
    expect((await box(page, 'panel')).x).toBe(20);
    // The heading sits at the panel's right edge, as Arabic reads.
    const heading = (await page.locator('agento-chat h2').boundingBox())!;
    const panel = await box(page, 'panel');
    expect(heading.x + heading.width).toBeGreaterThan(panel.x + panel.width / 2);
    expect(await contrast(page)).toEqual([]);
  });
});
