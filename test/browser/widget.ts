import type { Page } from 'playwright-core';

/** What a visitor sees of one message: its text (without the screen-reader label) and its `data-state`. */
export interface SeenMessage {
  readonly text: string;
  readonly state: string;
}

/** Reads every assistant message of the (first) widget on the page. */
export function replies(page: Page, host = 'agento-chat'): Promise<SeenMessage[]> {
  return page.locator(host).evaluate((element) =>
    [...(element.shadowRoot?.querySelectorAll('[part~="message-assistant"]') ?? [])].map((message) => {
      const copy = message.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.sr-only').forEach((label) => label.remove());
      return { text: (copy.textContent ?? '').trim(), state: message.getAttribute('data-state') ?? '' };
    }),
  );
}

/** The newest assistant message, or an empty one. */
export async function lastReply(page: Page, host = 'agento-chat'): Promise<SeenMessage> {
  return (await replies(page, host)).at(-1) ?? { text: '', state: '' };
}

/** Types `text` into the composer and presses Enter, as a visitor does. */
export async function sendMessage(page: Page, text: string, host = 'agento-chat'): Promise<void> {
  const input = page.locator(`${host} [part~=input]`);
  await input.fill(text);
  await input.press('Enter');
}

/** The assistant message after the newest user message, if it has started. */
function replyToLast(page: Page, host: string): Promise<SeenMessage | null> {
  return page.locator(host).evaluate((element) => {
    const messages = [...(element.shadowRoot?.querySelectorAll('[part~=message]') ?? [])];
    const lastUser = messages.findLastIndex((message) => message.matches('[part~=message-user]'));
    const reply = messages.slice(lastUser + 1).find((message) => message.matches('[part~=message-assistant]'));
    if (!reply) return null;
    const copy = reply.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.sr-only').forEach((label) => label.remove());
    return { text: (copy.textContent ?? '').trim(), state: reply.getAttribute('data-state') ?? '' };
  });
}

/**
 * Samples the reply to the message just sent, every `interval` ms (0: as often as the page can
 * answer), until it is no longer streaming. Call right after {@link sendMessage}.
 */
export async function streamSamples(page: Page, { host = 'agento-chat', timeout = 30_000, interval = 0 } = {}): Promise<SeenMessage[]> {
  const samples: SeenMessage[] = [];
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const reply = await replyToLast(page, host);
    if (reply) {
      samples.push(reply);
      if (reply.state !== 'streaming') return samples;
    }
    if (interval) await page.waitForTimeout(interval);
  }
  throw new Error(`The reply did not finish within ${timeout} ms; last samples: ${JSON.stringify(samples.slice(-3))}`);
}

/** Waits until the newest reply is no longer streaming and returns it. */
export async function settledReply(page: Page, host = 'agento-chat'): Promise<SeenMessage> {
  return (await streamSamples(page, { host, interval: 25 })).at(-1)!;
}
