// Scrolling of a long conversation in real Chromium (happy-dom has no layout): the built script tag
// (`npm run build` first) on the bench server, whose history session `h1000` holds 1,000 messages and
// whose message "N" streams N tokens at full speed.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBenchServer } from '../bench/bench-server.js';
import { launchChromium } from './chromium.js';

let server: Awaited<ReturnType<typeof startBenchServer>>;
let browser: Browser;
const pages: Page[] = [];

beforeAll(async () => {
  server = await startBenchServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
afterEach(async () => {
  for (const page of pages.splice(0)) await page.context().close();
});

/** Opens the floating widget on a stored conversation of `stored` messages and waits for the newest. */
async function openHistory(stored: number): Promise<{ page: Page; list: Locator }> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  await context.addInitScript((id) => localStorage.setItem('agento-chat:/bench/api', JSON.stringify({ v: 1, sessionId: id })), `h${stored}`);
  const page = await context.newPage();
  pages.push(page);
  await page.goto(`${server.url}/test/bench/pages/floating.html`);
  await page.locator('[part~=launcher]').click();
  await page.locator('[part~=message]', { hasText: `Answer ${stored - 1}:` }).waitFor();
  return { page, list: page.locator('[part~=messages]') };
}

/** Where the list stands: messages in the DOM, distance from the bottom, whether "jump to latest" shows. */
const state = (list: Locator) =>
  list.evaluate((el) => ({
    messages: el.querySelectorAll('[part~=message]').length,
    fromBottom: el.scrollHeight - el.scrollTop - el.clientHeight,
    scrollTop: el.scrollTop,
    jump: !!el.querySelector('[part~=jump]'),
  }));

/** Two animation frames: whatever the scroll started has rendered and painted. */
const frames = (page: Page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

describe('long conversations, in Chromium', () => {
  it('opens on the newest page only, at the bottom, with the newest message in view', async () => {
    const { list } = await openHistory(1000);
    await frames(list.page());
    const now = await state(list);
    expect(now.messages).toBe(50);
    expect(now.fromBottom).toBeLessThanOrEqual(1);
    expect(now.jump).toBe(false);
    const inView = await list.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const newest = [...el.querySelectorAll('[part~=message]')].at(-1)!.getBoundingClientRect();
      return newest.top >= box.top && newest.bottom <= box.bottom + 1;
    });
    expect(inView).toBe(true);

    // Scrolled up, closed and opened again: back at the newest, and closing loaded nothing.
    const page = list.page();
    let requests = 0;
    page.on('request', (request) => void (request.url().includes('/messages') && requests++));
    await list.evaluate((el) => void (el.scrollTop -= 400));
    await expect.poll(async () => (await state(list)).jump).toBe(true);
    await page.locator('[part~=launcher]').click();
    await frames(page);
    await page.locator('[part~=launcher]').click();
    await frames(page);
    const reopened = await state(list);
    expect(reopened.fromBottom).toBeLessThanOrEqual(1);
    expect(reopened.jump).toBe(false);
    expect(requests).toBe(0);
  });

  it('loads the page before when the reader scrolls to the top, and what they looked at stays put', async () => {
    const { page, list } = await openHistory(1000);
    const before = await list.evaluate(async (el) => {
      el.scrollTop = 0;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const first = el.querySelector<HTMLElement>('[part~=message]')!;
      (window as unknown as { marked: HTMLElement }).marked = first;
      return { text: first.textContent, top: first.getBoundingClientRect().top };
    });
    expect(before.text).toContain('Question 950');

    await expect.poll(async () => (await state(list)).messages).toBe(100);
    await frames(page);
    const after = await list.evaluate((el) => {
      const marked = (window as unknown as { marked: HTMLElement }).marked;
      return { connected: el.contains(marked), top: marked.getBoundingClientRect().top, first: el.querySelector('[part~=message]')!.textContent };
    });
    expect(after.connected).toBe(true);
    expect(after.first).toContain('Question 900');
    expect(Math.abs(after.top - before.top)).toBeLessThanOrEqual(2);

    // Only one page per visit to the top: the view is no longer near it.
    await page.waitForTimeout(300);
    expect((await state(list)).messages).toBe(100);
    expect((await state(list)).jump).toBe(true);
  });

  it('follows a streaming reply at the bottom; scrolled up, it stays put and offers "jump to latest"', async () => {
    const { page, list } = await openHistory(50);
    // The bench server streams at full speed, which a fast machine takes in a frame or two: slowed to
    // 100 KB/s, the 2,000-token reply (about 90 KB of SSE) arrives over many frames.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: 100_000, uploadThroughput: -1 });

    // Sent from the page, then sampled every frame.
    const samples = await list.evaluate(async (el) => {
      const out: { state: string; length: number; fromBottom: number }[] = [];
      const host = document.querySelector('agento-chat') as HTMLElement & { send(text: string): Promise<void> };
      const count = el.querySelectorAll('[part~=message-assistant]').length;
      void host.send('2000');
      for (let i = 0; i < 3000; i++) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const reply = el.querySelectorAll('[part~=message-assistant]')[count];
        if (!reply) continue;
        out.push({ state: reply.getAttribute('data-state')!, length: reply.textContent!.length, fromBottom: el.scrollHeight - el.scrollTop - el.clientHeight });
        if (reply.getAttribute('data-state') !== 'streaming') break;
      }
      return out;
    });
    const growing = samples.filter((s) => s.state === 'streaming' && s.length > 0);
    expect(new Set(growing.map((s) => s.length)).size, JSON.stringify(samples)).toBeGreaterThanOrEqual(3);
    for (const s of samples) expect(s.fromBottom, JSON.stringify(samples)).toBeLessThanOrEqual(1);

    // Another reply; once it streams, the reader scrolls up 300 px: from then on the view does not move,
    // even though the scroll event comes a frame later than the render of the next tokens.
    const away = await list.evaluate(async (el) => {
      const out: { state: string; length: number; scrollTop: number; jump: boolean }[] = [];
      const host = document.querySelector('agento-chat') as HTMLElement & { send(text: string): Promise<void> };
      const count = el.querySelectorAll('[part~=message-assistant]').length;
      void host.send('2000');
      let at = -1;
      for (let i = 0; i < 3000; i++) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const reply = el.querySelectorAll('[part~=message-assistant]')[count];
        if (!reply?.textContent) continue;
        if (at < 0) {
          el.scrollTop -= 300;
          at = el.scrollTop;
          continue;
        }
        out.push({ state: reply.getAttribute('data-state')!, length: reply.textContent.length, scrollTop: el.scrollTop, jump: !!el.querySelector('[part~=jump]') });
        if (reply.getAttribute('data-state') !== 'streaming') break;
      }
      return { at, out };
    });
    const streamed = away.out.filter((s) => s.state === 'streaming');
    expect(new Set(away.out.map((s) => s.length)).size, JSON.stringify(away)).toBeGreaterThanOrEqual(3);
    expect(streamed.length, JSON.stringify(away)).toBeGreaterThanOrEqual(2);
    for (const s of away.out) {
      expect(s.scrollTop).toBe(away.at);
      expect(s.jump).toBe(true);
    }
    await frames(page);
    expect((await state(list)).fromBottom).toBeGreaterThan(300);

    // "Jump to latest": back at the bottom, the button gone.
    await page.locator('[part~=jump]').click();
    await frames(page);
    const back = await state(list);
    expect(back.fromBottom).toBeLessThanOrEqual(1);
    expect(back.jump).toBe(false);
  });
});
