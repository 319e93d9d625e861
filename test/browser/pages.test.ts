import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { POLL, runAxe, useStack } from './stack.js';
import { computedStyles, diffStyles, FIXED_SIZE, TEXTLESS, WIDGET_TARGETS } from './styles.js';
import { lastReply, sendMessage, settledReply } from './widget.js';

const { test } = useStack();

/** Opens the floating chat, asks for the Markdown showcase and waits for the whole reply. */
async function chatWithMarkdown(page: Page): Promise<void> {
  await page.locator('[part~=launcher]').click();
  await sendMessage(page, 'markdown please');
  expect((await settledReply(page)).state).toBe('complete');
}

describe.concurrent('a page with a strict Content-Security-Policy', { timeout: 60_000 }, () => {
  test('opens, streams and renders Markdown with no CSP violation', async ({ open, expect }) => {
    const { page, problems } = await open('/demo/pages/csp.html');
    await chatWithMarkdown(page);
    const reply = page.locator('[part~=message-assistant]').last();
    expect(await reply.textContent()).toContain('Everything a reply can show');
    // Markdown rendered as elements, not shown as marks.
    expect(await reply.locator('strong').count()).toBeGreaterThan(0);
    expect(await reply.locator('ul li').count()).toBeGreaterThan(0);
    expect(await reply.textContent()).not.toContain('**');
    // Nothing in the widget carries an inline style attribute (CSSOM writes are allowed, markup is not).
    expect(await page.locator('agento-chat').evaluate((element) => element.shadowRoot!.querySelectorAll('[style]').length)).toBe(0);

    // The policy is in force and the harness hears about violations: an inline style on this page is one.
    expect(problems.cspViolations).toEqual([]);
    await page.evaluate(() => document.body.setAttribute('style', 'color: red'));
    await expect.poll(() => problems.cspViolations.some((line) => line.includes('style-src')), POLL).toBe(true);
    await page.waitForTimeout(200);
    problems.cspViolations.length = 0;
  });
});

describe.concurrent('the inline mode page', { timeout: 60_000 }, () => {
  test('sits in the flow of the page as a named region, without a launcher, and chats', async ({ open, expect }) => {
    const { page } = await open('/demo/pages/inline.html');
    const panel = page.locator('[part~=panel]');
    await panel.waitFor();
    expect(await page.locator('[part~=launcher]').isVisible()).toBe(false);
    expect(await page.getByRole('region', { name: 'Support chat' }).isVisible()).toBe(true);
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.locator('[part~=close]').count()).toBe(0);

    const box = (await panel.boundingBox())!;
    const before = (await page.locator('main > p').first().boundingBox())!;
    const after = (await page.locator('#after').boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(before.y + before.height);
    expect(after.y).toBeGreaterThanOrEqual(box.y + box.height);
    expect(await panel.evaluate((element) => getComputedStyle(element).position)).toBe('static');

    await sendMessage(page, 'hello');
    expect((await settledReply(page)).text).toMatch(/^Hello!/);
    await page.locator('[part~=input]').press('Escape');
    expect(await panel.isVisible()).toBe(true);
    expect(await runAxe(page)).toEqual([]);
  });
});

describe.concurrent('a page with hostile global CSS', { timeout: 60_000 }, () => {
  test('leaks neither into the widget nor out of it', async ({ open, expect }) => {
    // The same widget on a well-behaved page: the styles it should have.
    const clean = await open('/demo/pages/script-tag.html');
    await chatWithMarkdown(clean.page);
    const expected = await computedStyles(clean.page, WIDGET_TARGETS, FIXED_SIZE);
    expect(Object.values(expected).filter((style) => 'missing' in style)).toEqual([]);

    const { page } = await open('/demo/pages/hostile.html');
    const pageTargets = {
      html: 'html',
      body: 'body',
      main: 'main',
      heading: 'h1',
      paragraph: '#para',
      button: '#page-button',
      textarea: '#page-textarea',
      svg: '#page-svg',
      overlay: '#overlay',
    };
    const pageBefore = await computedStyles(page, pageTargets, Object.keys(pageTargets));

    await page.addScriptTag({ url: '/dist/agento-chat.js' });
    const launcher = page.locator('[part~=launcher]');
    await launcher.waitFor();
    // The launcher is the topmost thing at its centre, whatever z-index the page plays with elsewhere.
    const centre = await launcher.evaluate((element) => {
      const box = element.getBoundingClientRect();
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      const host = document.elementFromPoint(x, y);
      return host?.localName === 'agento-chat' && host.shadowRoot!.elementFromPoint(x, y)?.closest('[part~=launcher]') === element;
    });
    expect(centre).toBe(true);
    await chatWithMarkdown(page);

    const actual = await computedStyles(page, WIDGET_TARGETS, FIXED_SIZE);
    expect(diffStyles(expected, actual, TEXTLESS), 'the page leaked into the widget').toEqual([]);
    expect(diffStyles(pageBefore, await computedStyles(page, pageTargets, Object.keys(pageTargets))), 'the widget leaked into the page').toEqual([]);
    const fontSize = await page.locator('[part~=input]').evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(16);

    await page.locator('[part~=close]').click();
    expect(diffStyles(pageBefore, await computedStyles(page, pageTargets, Object.keys(pageTargets))), 'after closing').toEqual([]);
    expect((await lastReply(page)).state).toBe('complete');
  });
});
