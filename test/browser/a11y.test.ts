import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { POLL, runAxe, useStack } from './stack.js';
import { lastReply, sendMessage, settledReply } from './widget.js';

const { test } = useStack();

const PAGE = '/demo/pages/script-tag.html';
/** The browser's own console line for a failed request (the proxy answers 502 to upstream 500), expected when the test asks for a fault. */
const FAILED_REQUEST = /Failed to load resource: the server responded with a status of 5\d\d/;

async function openChat(page: Page): Promise<void> {
  await page.locator('[part~=launcher]').click();
  await page.locator('[part~=input]').waitFor();
}

/** The element focused across shadow roots, described as `part` or tag. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active ? active.getAttribute('part') || active.tagName.toLowerCase() : 'none';
  });
}

/** The focused element's outline, as the browser draws it. */
function focusRing(page: Page): Promise<{ style: string; width: number }> {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    const style = getComputedStyle(active!);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
}

describe.concurrent('axe-core finds no violations', { timeout: 60_000 }, () => {
  test('closed, open, streaming and stopped', async ({ open, expect }) => {
    const { page } = await open(PAGE);
    expect(await runAxe(page), 'closed').toEqual([]);

    await openChat(page);
    expect(await runAxe(page), 'open, empty').toEqual([]);

    // Slow tokens (750 ms apart) hold the reply mid-stream while axe looks.
    await sendMessage(page, '/fault slow tell me something');
    await expect.poll(async () => (await lastReply(page)).text.length, POLL).toBeGreaterThan(0);
    expect((await lastReply(page)).state).toBe('streaming');
    expect(await runAxe(page), 'streaming').toEqual([]);
    await page.locator('[part~=stop]').click();
    await expect.poll(async () => (await lastReply(page)).state, POLL).toBe('stopped');
    expect(await runAxe(page), 'stopped').toEqual([]);
  });

  test('with an error: while retrying, then not sent', async ({ open, expect }) => {
    const { page } = await open(PAGE, { allow: [FAILED_REQUEST] });
    await openChat(page);
    await sendMessage(page, '/fault 500 hello');
    await page.locator('[part~=error]').waitFor();
    expect(await runAxe(page), 'retrying').toEqual([]);
    const sent = page.locator('[part~=message-user]').last();
    await expect.poll(() => sent.getAttribute('data-state'), POLL).toBe('failed');
    expect(await runAxe(page), 'not sent').toEqual([]);
  });

  test('with history', async ({ open, expect }) => {
    const { page } = await open(PAGE);
    await openChat(page);
    await sendMessage(page, 'hello');
    await settledReply(page);
    await page.reload();
    await openChat(page);
    await expect.poll(async () => (await lastReply(page)).text, POLL).toMatch(/^Hello!/);
    expect(await runAxe(page)).toEqual([]);
  });

  test('with a Markdown reply', async ({ open, expect }) => {
    const { page } = await open(PAGE);
    await openChat(page);
    await sendMessage(page, 'show me markdown');
    expect((await settledReply(page)).state).toBe('complete');
    expect(await runAxe(page)).toEqual([]);
  });

  test('in dark mode, open with a reply and an error (AA contrast included)', async ({ open, expect }) => {
    const { page } = await open(PAGE, { context: { colorScheme: 'dark' } });
    await page.locator('agento-chat').evaluate((element) => element.setAttribute('theme', 'dark'));
    expect(await runAxe(page), 'closed').toEqual([]);
    await openChat(page);
    // The dark palette is in force (or this would test the light one twice).
    expect(await page.locator('[part~=panel]').evaluate((panel) => getComputedStyle(panel).backgroundColor)).toBe('rgb(24, 24, 27)');
    await sendMessage(page, 'show me markdown');
    await settledReply(page);
    await sendMessage(page, '/fault error tell me more');
    await page.locator('[part~=error]').waitFor();
    expect((await lastReply(page)).state).toBe('interrupted');
    expect(await runAxe(page), 'open').toEqual([]);
  });
});

describe.concurrent('keyboard', { timeout: 60_000 }, () => {
  test('Tab reaches the launcher, Enter opens, focus lands in the composer, Esc closes and focus returns', async ({ open, expect }) => {
    const { page } = await open(PAGE);
    for (let i = 0; i < 10 && (await focused(page)) !== 'launcher'; i++) await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('launcher');
    expect(await focusRing(page), 'the launcher shows where focus is').toMatchObject({ style: 'solid' });
    expect((await focusRing(page)).width).toBeGreaterThanOrEqual(2);

    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page), POLL).toBe('input');
    expect((await focusRing(page)).style, 'the composer shows where focus is').toBe('solid');
    expect(await page.locator('[part~=launcher]').getAttribute('aria-expanded')).toBe('true');

    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page), POLL).toBe('launcher');
    expect(await page.locator('agento-chat').getAttribute('open')).toBeNull();
    expect(await page.locator('[part~=panel]').isVisible()).toBe(false);
    expect(await page.locator('[part~=launcher]').getAttribute('aria-expanded')).toBe('false');
  });

  test('every control in the panel shows a visible focus ring', async ({ open, expect }) => {
    const { page } = await open(PAGE);
    await openChat(page);
    await page.locator('[part~=input]').fill('draft');
    const seen: Record<string, { style: string; width: number }> = {};
    // Backwards from the composer through the conversation and the header, then forwards to send.
    for (const key of ['Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      seen[await focused(page)] = await focusRing(page);
    }
    for (const key of ['Tab', 'Tab', 'Tab', 'Tab']) await page.keyboard.press(key);
    seen[await focused(page)] = await focusRing(page);
    expect(Object.keys(seen).sort()).toEqual(['close', 'messages', 'new-conversation', 'send']);
    for (const [part, ring] of Object.entries(seen)) {
      expect(ring.style, part).toBe('solid');
      expect(ring.width, part).toBeGreaterThanOrEqual(2);
    }
  });
});

describe.concurrent('screen readers', { timeout: 60_000 }, () => {
  test('the floating panel is a dialog named by its title', async ({ open, expect }) => {
    const { page } = await open(PAGE);
    await openChat(page);
    expect(await page.getByRole('dialog', { name: 'Ask Acme' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Close chat' }).getAttribute('aria-expanded')).toBe('true');
  });

  test('announces each finished reply once in a polite live region, never per token, and is busy while streaming', async ({ open, expect }) => {
    const { page } = await open(PAGE);
    await openChat(page);
    const host = page.locator('agento-chat');
    // The conversation itself must not be a live region: it would read every token aloud.
    expect(
      await host.evaluate((element) => {
        const messages = element.shadowRoot!.querySelector('[part~=messages]')!;
        for (let node: Element | null = messages; node; node = node.parentElement) {
          if (node.getAttribute('aria-live') || ['log', 'status', 'alert'].includes(node.getAttribute('role') ?? '')) return node.outerHTML.slice(0, 80);
        }
        return null;
      }),
    ).toBeNull();

    // Every change of the live region's text, as a screen reader would be told about it.
    await host.evaluate((element) => {
      const regions = element.shadowRoot!.querySelectorAll('[aria-live=polite]');
      if (regions.length !== 1) throw new Error(`expected one polite live region, found ${regions.length}`);
      const region = regions[0]!;
      const said: string[] = ((globalThis as Record<string, unknown>).__said = []);
      new MutationObserver(() => said.push(region.textContent ?? '')).observe(region, { subtree: true, childList: true, characterData: true });
    });
    const said = () => page.evaluate(() => ((globalThis as Record<string, unknown>).__said as string[]).filter(Boolean));
    const busy = () => page.locator('[part~=messages]').getAttribute('aria-busy');

    expect(await busy()).toBe('false');
    await sendMessage(page, '/fault slow tell me a story');
    await expect.poll(async () => (await lastReply(page)).text.length, POLL).toBeGreaterThan(0);
    expect(await busy()).toBe('true');
    expect(await said(), 'nothing is announced while the reply streams').toEqual([]);
    await page.locator('[part~=stop]').click();
    await expect.poll(busy, POLL).toBe('false');
    await expect.poll(said, POLL).toHaveLength(1);

    for (const message of ['hello', 'hello']) {
      await sendMessage(page, message);
      const reply = await settledReply(page);
      expect(reply.state).toBe('complete');
    }
    // One announcement per reply, even for two identical replies.
    await expect.poll(said, POLL).toHaveLength(3);
    const announcements = await said();
    expect(announcements[0]).toMatch(/^Assistant: .*Stopped\.$/);
    expect(announcements[1]).toMatch(/^Assistant: Hello! /);
    expect(announcements[2]).toBe(announcements[1]);

    // Replies loaded from the history are not read out again.
    await page.reload();
    await openChat(page);
    await expect.poll(async () => (await lastReply(page)).text, POLL).toMatch(/^Hello!/);
    expect(await host.evaluate((element) => element.shadowRoot!.querySelector('[aria-live=polite]')!.textContent)).toBe('');
  });
});
