import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { useStack } from './stack.js';
import { sendMessage, settledReply } from './widget.js';

// The SPA example (demo/spa) is built here with its own Vite config, against the built package in
// dist/, and served from a temporary folder by the demo server.
let outDir = '';
beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'agento-spa-'));
  await build({
    configFile: fileURLToPath(new URL('../../demo/spa/vite.config.ts', import.meta.url)),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  });
}, 60_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const { test } = useStack({ root: () => outDir, emulator: { tokenDelayMs: 10 } });

describe.concurrent('an SPA built with Vite that imports the npm package', { timeout: 60_000 }, () => {
  test('draws its own UI from createChat() and streams a reply into it', async ({ open, expect }) => {
    const { page } = await open('/');
    await page.locator('#question').fill('hello');
    await page.locator('#question').press('Enter');

    const seen = new Set<string>();
    const statuses = new Set<string>();
    await expect
      .poll(
        async () => {
          const reply = page.locator('#conversation li[data-role=assistant]');
          if (await reply.count()) seen.add((await reply.textContent()) ?? '');
          statuses.add((await page.locator('#status').textContent()) ?? '');
          return reply.getAttribute('data-state', { timeout: 50 }).catch(() => null);
        },
        { timeout: 10_000, interval: 5 },
      )
      .toBe('complete');
    expect(await page.locator('#conversation li[data-role=assistant]').textContent()).toMatch(/^Hello!/);
    expect(seen.size, 'the reply grew as it streamed').toBeGreaterThanOrEqual(3);
    expect(statuses).toContain('streaming');
    expect(await page.locator('#status').textContent()).toBe('idle');
  });

  test('also uses the <agento-chat> element from the package, which asks the proxy nothing until wanted', async ({ open, expect }) => {
    const { page } = await open('/', { navigate: false });
    const scripts: string[] = [];
    const calls: string[] = [];
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (request.resourceType() === 'script') scripts.push(pathname);
      if (pathname.startsWith('/api/agento')) calls.push(`${request.method()} ${pathname}`);
    });
    await page.goto('/');
    await page.locator('[part~=launcher]').waitFor();
    await page.waitForLoadState('networkidle');
    // The panel's code may arrive while the page is idle; the proxy hears nothing before the visitor reaches for the chat.
    expect(calls).toEqual([]);

    await page.locator('[part~=launcher]').click();
    await sendMessage(page, 'a question for the element');
    expect((await settledReply(page)).text).toMatch(/You said: “a question for the element”/);
    expect(scripts.some((path) => path.includes('mount-panel')), `scripts: ${scripts.join(', ')}`).toBe(true); // a chunk of its own
    expect(calls).toContain('POST /api/agento/messages');
    // The app's own chat keeps its own conversation.
    expect(await page.locator('#conversation li').count()).toBe(0);
  });
});
