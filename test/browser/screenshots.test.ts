import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect } from 'vitest';
import { useStack } from './stack.js';
import { sendMessage, settledReply } from './widget.js';

// `SCREENSHOTS=1 npx vitest run test/browser/screenshots.test.ts` writes the README's pictures to docs/.
// Otherwise (`npm test`, CI) the same pictures go to a temporary folder, so the tree stays clean.
const outDir = process.env.SCREENSHOTS ? fileURLToPath(new URL('../../docs/', import.meta.url)) : mkdtempSync(join(tmpdir(), 'agento-shots-'));
mkdirSync(outDir, { recursive: true });
afterAll(() => {
  if (!process.env.SCREENSHOTS) rmSync(outDir, { recursive: true, force: true });
});

const { test } = useStack();
const DESKTOP = { viewport: { width: 1024, height: 720 } };

async function shoot(page: Page, name: string): Promise<void> {
  const path = join(outDir, name);
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  expect(statSync(path).size).toBeGreaterThan(5_000);
}

/** Opens the chat and waits for the whole reply. (Questions whose replies have no emoji: CI has no emoji font.) */
async function converse(page: Page, text: string): Promise<void> {
  await page.locator('[part~=launcher]').click();
  await sendMessage(page, text);
  expect((await settledReply(page)).state).toBe('complete');
  // The pictures show the conversation, not a focus ring.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

describe.concurrent(`screenshots (to ${outDir})`, { timeout: 60_000 }, () => {
  test('closed.png: the launcher on a page', async ({ open, expect }) => {
    const { page } = await open('/demo/pages/script-tag.html', { context: DESKTOP });
    await page.locator('[part~=launcher]').waitFor();
    await shoot(page, 'closed.png');
  });

  test('open-markdown.png: a streamed Markdown reply', async ({ open, expect }) => {
    const { page } = await open('/demo/pages/script-tag.html', { context: DESKTOP });
    await converse(page, 'Can you show me a markdown demo?');
    // From the question down: the start of the reply shows more kinds of Markdown than its end.
    await page.locator('[part~=messages]').evaluate((list: HTMLElement) => {
      const question = list.querySelector('[part~=message-user]') as HTMLElement;
      list.scrollTop = question.offsetTop - list.offsetTop - 16;
    });
    await page.waitForTimeout(100);
    await shoot(page, 'open-markdown.png');
  });

  test('dark.png: the dark theme', async ({ open, expect }) => {
    const { page } = await open('/demo/pages/script-tag.html', { context: { ...DESKTOP, colorScheme: 'dark' } });
    await page.locator('agento-chat').evaluate((element) => element.setAttribute('theme', 'auto'));
    await converse(page, 'When should I water my tomatoes?');
    await shoot(page, 'dark.png');
  });

  test('mobile.png: full screen on a phone', async ({ open, expect }) => {
    const { page } = await open('/demo/pages/script-tag.html', {
      context: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
    });
    await converse(page, 'Do tomatoes need a big pot?');
    await shoot(page, 'mobile.png');
  });
});
