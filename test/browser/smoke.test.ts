import { describe, expect } from 'vitest';
import { POLL, useStack } from './stack.js';
import { lastReply, sendMessage, streamSamples } from './widget.js';

// The emulator's default pace (15–30 ms a token), as a visitor would see it.
const { test } = useStack({ emulator: { tokenDelayMs: [15, 30] } });

describe.concurrent('script tag, in Chromium', { timeout: 60_000 }, () => {
  test('opens, streams a reply token by token, and shows the history after a reload', async ({ open, expect }) => {
    const { page } = await open('/demo/pages/script-tag.html');

    await page.locator('[part~=launcher]').click();
    await expect.poll(() => page.locator('[part~=input]').evaluate((input) => input === (input.getRootNode() as ShadowRoot).activeElement), POLL).toBe(true);

    await sendMessage(page, 'hello there');
    const samples = await streamSamples(page);
    // At least three different lengths before the reply was complete: it grew in steps, not at once.
    const growing = samples.filter((sample) => sample.state === 'streaming' && sample.text.length > 0).map((sample) => sample.text);
    expect(new Set(growing).size, `samples: ${JSON.stringify(samples)}`).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < growing.length; i++) expect(growing[i]!.startsWith(growing[i - 1]!)).toBe(true);
    const reply = await lastReply(page);
    expect(reply.state).toBe('complete');
    expect(reply.text).toMatch(/Hello!.+emulator/);
    expect(reply.text.startsWith(growing.at(-1)!)).toBe(true);

    await page.reload();
    await page.locator('[part~=launcher]').click();
    await expect(page.locator('[part~="message-user"]').textContent(POLL)).resolves.toContain('hello there');
    await expect.poll(async () => (await lastReply(page)).text, POLL).toBe(reply.text);
    expect(await page.locator('[part~=message]').count()).toBe(2);
  });

  test('Stop ends the reply, keeps its text and sends nothing again', async ({ open, expect }) => {
    const { page } = await open('/demo/pages/script-tag.html');
    const sends: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/agento/messages')) sends.push(request.postData() ?? '');
    });
    await page.locator('[part~=launcher]').click();
    await sendMessage(page, '/fault slow tell me a story');
    await expect.poll(async () => (await lastReply(page)).text.length, POLL).toBeGreaterThan(0);
    await page.locator('[part~=stop]').click();
    await expect.poll(async () => (await lastReply(page)).state, POLL).toBe('stopped');
    await page.waitForTimeout(300);
    expect(await page.locator('[part~=message-user]').count()).toBe(1);
    expect(sends).toHaveLength(1);
    expect((await lastReply(page)).text).toMatch(/^You/);
  });
});
