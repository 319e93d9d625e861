// The XSS corpus in real Chromium, where a payload that got through would really run: the whole corpus
// as one agent reply (each payload its own block), streamed token by token, then again from history.
import { describe } from 'vitest';
import { xssCorpus } from '../fixtures/xss-corpus.js';
import { POLL, useStack } from './stack.js';
import { lastReply, sendMessage } from './widget.js';

const corpus = xssCorpus.join('\n\n');
const { test } = useStack({ emulator: { tokenDelayMs: 0, reply: () => corpus } });

/** Runs in the page: what in the widget's replies could execute or call out, and whether anything did. */
function findTrouble(): string[] {
  const trouble: string[] = [...((window as unknown as { ran?: string[] }).ran ?? [])];
  const root = document.querySelector('agento-chat')!.shadowRoot!;
  const forbidden = /^(SCRIPT|IFRAME|FRAME|OBJECT|EMBED|STYLE|LINK|META|BASE|FORM|INPUT|SVG|MATH|IMG|VIDEO|AUDIO|SOURCE)$/i;
  for (const reply of root.querySelectorAll('[part~="message-assistant"]')) {
    for (const el of reply.querySelectorAll('*')) {
      if (forbidden.test(el.tagName)) trouble.push(`<${el.tagName.toLowerCase()}> rendered`);
      for (const { name, value } of el.attributes) {
        if (name.startsWith('on')) trouble.push(`${el.tagName} has ${name}`);
        if (['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc', 'style'].includes(name)) {
          const ok = name === 'href' && /^(https?|mailto):$/.test(new URL(value, 'https://invalid.invalid/').protocol) && /^(https?|mailto):/i.test(value);
          if (!ok) trouble.push(`${el.tagName} ${name}="${value}"`);
        }
      }
    }
  }
  return trouble;
}

describe('hostile replies, in Chromium', { timeout: 90_000 }, () => {
  test('the XSS corpus, streamed and from history, runs nothing and renders no handler, script or foreign URL', async ({ open, expect }) => {
    const { page } = await open('/demo/pages/script-tag.html');
    const outside: string[] = [];
    page.on('request', (request) => {
      const { hostname } = new URL(request.url());
      if (hostname !== '127.0.0.1') outside.push(request.url());
    });
    const trap = () =>
      page.evaluate(() => {
        const w = window as unknown as Record<string, unknown> & { ran: string[] };
        w.ran = [];
        for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) w[name] = (...args: unknown[]) => void w.ran.push(`${name}(${args.join()})`);
      });

    await trap();
    await page.locator('[part~=launcher]').click();
    await sendMessage(page, 'show me everything');
    await expect.poll(async () => (await lastReply(page)).state, { timeout: 60_000 }).toBe('complete');
    await expect.poll(async () => (await lastReply(page)).text.length, POLL).toBeGreaterThan(corpus.length / 3);
    expect(await page.evaluate(findTrouble)).toEqual([]);

    await page.reload();
    await trap();
    await page.locator('[part~=launcher]').click();
    await expect.poll(async () => (await lastReply(page)).state, POLL).toBe('complete');
    expect(await page.evaluate(findTrouble)).toEqual([]);
    expect(outside, 'no request leaves the page (no image exfiltration)').toEqual([]);
  });
});
