import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { POLL, useStack } from './stack.js';
import { sendMessage, settledReply } from './widget.js';

const { test } = useStack();

/** An iPhone-sized phone: 390×844 CSS pixels, touch, mobile viewport rules. */
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const NOTCH = { top: 47, bottom: 34, left: 0, right: 0 };

type Box = { x: number; y: number; width: number; height: number };

function box(page: Page, selector: string): Promise<Box> {
  return page.locator(selector).first().evaluate((element) => {
    const { x, y, width, height } = element.getBoundingClientRect();
    return { x, y, width, height };
  });
}

/** A finger swiping 300 px upwards from (x, y), as raw touch events (Chromium turns them into scrolling). */
async function swipeUp(page: Page, x: number, y: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  for (let i = 1; i <= 10; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y - i * 30 }] });
  // The finger rests before it lifts: no fling, so the page stops where the swipe left it.
  await page.waitForTimeout(120);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y - 300 }] });
  await page.waitForTimeout(120);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
  await page.waitForTimeout(100);
}

/** Samples the viewport every `step` pixels; returns the points where the widget is hit outside its launcher. */
function coveredOutsideLauncher(page: Page, step = 15): Promise<{ hits: number; outside: string[] }> {
  return page.evaluate((step) => {
    let hits = 0;
    const outside: string[] = [];
    for (let y = 0; y < innerHeight; y += step) {
      for (let x = 0; x < innerWidth; x += step) {
        const host = document.elementFromPoint(x, y);
        if (host?.localName !== 'agento-chat') continue;
        hits++;
        const inner = host.shadowRoot!.elementFromPoint(x, y);
        if (!inner?.closest('[part~=launcher]')) outside.push(`${x},${y}: ${inner?.outerHTML.slice(0, 60)}`);
      }
    }
    return { hits, outside };
  }, step);
}

describe.concurrent('on a phone (390×844, touch)', { timeout: 60_000 }, () => {
  test('closed, the widget covers nothing but its launcher', async ({ open, expect }) => {
    const { page } = await open('/demo/pages/script-tag.html', { context: PHONE });
    await page.locator('[part~=launcher]').waitFor();
    const { hits, outside } = await coveredOutsideLauncher(page);
    expect(hits, 'the launcher is on screen').toBeGreaterThan(4);
    expect(outside).toEqual([]);
  });

  test('open, the panel fills the screen inside the safe area, inputs are 16px and the page behind does not scroll', async ({ open, expect }) => {
    const { page } = await open('/demo/pages/script-tag.html', { context: PHONE, navigate: false });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setSafeAreaInsetsOverride', { insets: NOTCH });
    await page.goto('/demo/pages/script-tag.html');

    // The control: while the chat is closed, a swipe scrolls the page.
    await swipeUp(page, 195, 600);
    await expect.poll(() => page.evaluate(() => scrollY), POLL).toBeGreaterThan(0);
    await page.evaluate(() => scrollTo(0, 0));

    await page.locator('[part~=launcher]').tap();
    await page.locator('[part~=input]').waitFor();
    expect(await box(page, '[part~=panel]')).toEqual({ x: 0, y: 0, width: 390, height: 844 });
    const header = await box(page, '[part~=header]');
    const input = await box(page, '[part~=input]');
    expect(header.y, 'the header clears the notch').toBeGreaterThanOrEqual(NOTCH.top);
    expect(input.y + input.height, 'the composer clears the home indicator').toBeLessThanOrEqual(844 - NOTCH.bottom);

    const fontSizes = await page.locator('agento-chat').evaluate((element) =>
      [...element.shadowRoot!.querySelectorAll('textarea, input, select')].map((field) => parseFloat(getComputedStyle(field).fontSize)),
    );
    expect(fontSizes.length).toBeGreaterThan(0);
    for (const size of fontSizes) expect(size, 'no zoom on focus in iOS').toBeGreaterThanOrEqual(16);

    // The panel is on top of the launcher: the send button at the corner is the send button.
    await page.locator('[part~=input]').fill('hello');
    const send = await box(page, '[part~=send]');
    expect(
      await page.evaluate(({ x, y }) => document.querySelector('agento-chat')!.shadowRoot!.elementFromPoint(x, y)?.closest('[part]')?.getAttribute('part'), {
        x: send.x + send.width / 2,
        y: send.y + send.height / 2,
      }),
    ).toBe('send');

    for (const [x, y] of [[195, header.y + 40], [195, 600], [100, input.y + 10]] as const) {
      await swipeUp(page, x, y);
      expect(await page.evaluate(() => scrollY), `a swipe at ${x},${y} left the page where it was`).toBe(0);
    }

    await page.locator('[part~=input]').press('Enter');
    expect((await settledReply(page)).state).toBe('complete');
    await page.locator('[part~=close]').tap();
    await swipeUp(page, 195, 600);
    // Closed again, the page scrolls.
    await expect.poll(() => page.evaluate(() => scrollY), POLL).toBeGreaterThan(0);
  });
});

describe.concurrent('right to left', { timeout: 60_000 }, () => {
  /** Where things are: the launcher's and panel's sides, the title's text, the newest user bubble and the close button. */
  async function layout(page: Page) {
    await page.locator('[part~=launcher]').click();
    await sendMessage(page, 'hello');
    await settledReply(page);
    const width = page.viewportSize()!.width;
    const launcher = await box(page, '[part~=launcher]');
    const panel = await box(page, '[part~=panel]');
    const title = await box(page, '[part~=header] h2');
    const close = await box(page, '[part~=close]');
    const user = await box(page, '[part~=message-user]');
    const titleText = await page.locator('[part~=header] h2').evaluate((heading) => {
      const range = document.createRange();
      range.selectNodeContents(heading);
      const { x, width } = range.getBoundingClientRect();
      return { x, width };
    });
    const side = (b: Box, within: Box) => (b.x - within.x < within.x + within.width - (b.x + b.width) ? 'left' : 'right');
    const viewport = { x: 0, y: 0, width, height: 0 };
    return {
      launcher: side(launcher, viewport),
      panel: side(panel, viewport),
      title: side(titleText as Box, title),
      close: side(close, panel),
      user: side(user, panel),
    };
  }

  test('left to right, as the baseline', async ({ open, expect }) => {
    const { page } = await open('/demo/pages/script-tag.html');
    expect(await layout(page)).toEqual({ launcher: 'right', panel: 'right', title: 'left', close: 'right', user: 'right' });
  });

  test('mirrors with dir="rtl" on the element', async ({ open, expect }) => {
    const { page } = await open('/demo/pages/script-tag.html');
    await page.locator('agento-chat').evaluate((element) => element.setAttribute('dir', 'rtl'));
    expect(await layout(page)).toEqual({ launcher: 'left', panel: 'left', title: 'right', close: 'left', user: 'left' });
  });

  test('mirrors with dir="rtl" on the page', async ({ open, expect }) => {
    const { page } = await open('/demo/pages/rtl.html');
    expect(await layout(page)).toEqual({ launcher: 'left', panel: 'left', title: 'right', close: 'left', user: 'left' });
  });
});
