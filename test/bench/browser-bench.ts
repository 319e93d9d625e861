import type { Browser, Page } from 'playwright-core';

export interface StreamResult {
  /** Renderer main-thread task time from send until the last token is on screen, ms. */
  totalMs: number;
  /** The longest main-thread task in that time, ms (from the Long Tasks API: 0 means none over 50 ms). */
  longestTaskMs: number;
  /** The same in the worst run, where the median hides it. */
  worstTaskMs: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Reads the renderer main thread's cumulative task time, in seconds, through one CDP session per page. */
async function taskClock(page: Page): Promise<() => Promise<number>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
  };
}

async function watchLongTasks(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { longest: number };
    w.longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longest = Math.max(w.longest, entry.duration);
    }).observe({ type: 'longtask' });
  });
}

/** Streams `count` tokens into one renderer, `runs` times on fresh pages; medians. */
export async function benchStream(browser: Browser, base: string, renderer: 'floor' | 'widget', count: number, runs = 3): Promise<StreamResult> {
  const totals: number[] = [];
  const longest: number[] = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/test/bench/pages/${renderer}.html`);
    if (renderer === 'widget') await page.locator('[part~=input]').fill(String(count));
    // Playwright injects its own script into the page on the first `waitForFunction`: 15–30 ms of this
    // main thread, more than a whole 2k stream of the floor. Done now, it stays out of the measurement.
    await page.waitForFunction(() => true);
    await watchLongTasks(page);
    const taskSeconds = await taskClock(page);
    const before = await taskSeconds();
    if (renderer === 'floor') {
      await page.evaluate((n) => (window as unknown as { streamFloor(n: number): Promise<void> }).streamFloor(n), count);
    } else {
      // The keyboard, not the locator: `fill` left the focus there, and a locator's checks would run in the page, measured.
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        (last) => {
          const replies = document.querySelector('agento-chat')?.shadowRoot?.querySelectorAll('[part~="message-assistant"]');
          const reply = replies?.[replies.length - 1];
          return reply?.getAttribute('data-state') === 'complete' && reply.textContent?.includes(last);
        },
        `w${count - 1}`,
        { polling: 100, timeout: 120_000 },
      );
    }
    // One more frame so the final paint is inside the measurement.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const after = await taskSeconds();
    totals.push((after - before) * 1000);
    longest.push(await page.evaluate(() => (window as unknown as { longest: number }).longest));
    await context.close();
  }
  return { totalMs: median(totals), longestTaskMs: median(longest), worstTaskMs: Math.max(...longest) };
}

/** Opens the floating widget whose stored session holds `stored` messages; ms until the newest is painted. Median of runs. */
export async function benchOpen(browser: Browser, base: string, stored: number, runs = 3): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext();
    await context.addInitScript((id) => localStorage.setItem('agento-chat:/bench/api', JSON.stringify({ v: 1, sessionId: id })), `h${stored}`);
    const page = await context.newPage();
    await page.goto(`${base}/test/bench/pages/floating.html`);
    await page.waitForSelector('[part~=launcher]');
    times.push(
      await page.evaluate(async (newest) => {
        const root = document.querySelector('agento-chat')!.shadowRoot!;
        const start = performance.now();
        (root.querySelector('[part~=launcher]') as HTMLElement).click();
        // No named helpers in here: tsx would wrap them in a `__name` call the page does not have.
        for (let frames = 0; frames < 1200; frames++) {
          await new Promise((resolve) => requestAnimationFrame(resolve));
          const messages = root.querySelectorAll('[part~=message]');
          if (messages[messages.length - 1]?.textContent?.includes(newest)) break;
          if (frames === 1199) throw new Error(`"${newest}" never appeared`);
        }
        await new Promise((resolve) => requestAnimationFrame(resolve)); // the frame after the DOM holds it paints it
        return performance.now() - start;
      }, `Answer ${stored - 1}:`),
    );
    await context.close();
  }
  return median(times);
}
