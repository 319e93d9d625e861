// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render } from '@testing-library/preact';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../widget/core/types.js';
import { MessageList } from '../../widget/view/message-list.js';
import { en } from '../../widget/view/strings.js';
import { fakeChat, message, type FakeChat } from './fake-chat.js';

/**
 * happy-dom has no layout, so this file gives it a small one: every message is 100 px tall plus
 * 1 px per character of text, stacked with no gaps; the list shows 300 px. `scrollTop` is clamped
 * as in a browser, and every read of the list's `scrollHeight` (the layout read the list makes to
 * follow) is counted.
 */
const VIEW = 300;
const height = (article: Element) => 100 + (article.textContent?.length ?? 0);
const articles = (list: Element) => [...list.querySelectorAll('article')];
const contentHeight = (list: Element) => articles(list).reduce((sum, a) => sum + height(a), 0) + (list.querySelector('[part~=jump]') ? 40 : 0);
const tops = new WeakMap<Element, number>();
let heightReads = 0;

const stubs: Record<string, PropertyDescriptor> = {
  scrollHeight: {
    get(this: HTMLElement) {
      if (!this.classList.contains('messages')) return 0;
      heightReads++;
      return Math.max(VIEW, contentHeight(this));
    },
  },
  clientHeight: {
    get(this: HTMLElement) {
      return this.classList.contains('messages') ? VIEW : 0;
    },
  },
  scrollTop: {
    get(this: HTMLElement) {
      return Math.max(0, Math.min(tops.get(this) ?? 0, contentHeight(this) - VIEW));
    },
    set(this: HTMLElement, value: number) {
      tops.set(this, Math.max(0, Math.min(value, contentHeight(this) - VIEW)));
    },
  },
  offsetTop: {
    get(this: HTMLElement) {
      const list = this.closest('.messages');
      if (!list || this.tagName !== 'ARTICLE') return 0;
      let top = 0;
      for (const a of articles(list)) {
        if (a === this) return top;
        top += height(a);
      }
      return top;
    },
  },
};
const saved = new Map<string, PropertyDescriptor | undefined>();
beforeAll(() => {
  for (const [name, descriptor] of Object.entries(stubs)) {
    saved.set(name, Object.getOwnPropertyDescriptor(HTMLElement.prototype, name));
    Object.defineProperty(HTMLElement.prototype, name, { ...descriptor, configurable: true });
  }
});
afterAll(() => {
  for (const [name, descriptor] of saved) {
    if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor);
    else delete (HTMLElement.prototype as unknown as Record<string, unknown>)[name];
  }
});
afterEach(cleanup);

const history = (n: number, from = 0) => Array.from({ length: n }, (_, i) => message((from + i) % 2 ? 'assistant' : 'user', `message ${from + i}`));

function draw(chat: FakeChat, open = true) {
  const { container, rerender } = render(<MessageList chat={chat} strings={en} open={open} />);
  const list = container.querySelector<HTMLElement>('[part~=messages]')!;
  const bottom = () => contentHeight(list) - VIEW;
  /** The reader scrolls to `top`: the browser moves and fires `scroll`. */
  const scrollTo = (top: number) =>
    act(() => {
      list.scrollTop = top;
      fireEvent.scroll(list);
    });
  const jump = () => list.querySelector<HTMLButtonElement>('[part~=jump]');
  const reopen = (next: boolean) => rerender(<MessageList chat={chat} strings={en} open={next} />);
  return { list, bottom, scrollTo, jump, reopen };
}

/** A streaming reply at the end of the conversation, and a function that appends a token as the core does. */
function streaming(chat: FakeChat) {
  const reply = message('assistant', '', 'streaming');
  act(() => {
    chat.messages.value = [...chat.messages.value, reply];
    chat.status.value = 'streaming';
  });
  return (token: string) => act(() => chat.change(reply.id, { content: (chat.messages.value.at(-1) as ChatMessage).content + token }));
}

describe('MessageList scrolling', () => {
  it('lands at the bottom when the history has loaded', () => {
    const chat = fakeChat({ status: 'loading' });
    const { list, bottom } = draw(chat);
    act(() => {
      chat.messages.value = history(30);
      chat.status.value = 'idle';
    });
    expect(list.scrollTop).toBe(bottom());
    expect(list.scrollTop).toBeGreaterThan(0);
  });

  it('follows a streaming reply while the reader is at the bottom, with one layout read per render', () => {
    const chat = fakeChat({ messages: history(10) });
    const { list, bottom, jump } = draw(chat);
    const token = streaming(chat);
    heightReads = 0;
    for (let i = 0; i < 20; i++) {
      token('word ');
      expect(list.scrollTop).toBe(bottom());
    }
    // One layout per render (the reads after the first find it clean), none at all once the reader is away.
    expect(heightReads).toBeLessThanOrEqual(3 * 20);
    expect(jump()).toBeNull();
  });

  it('counts within 24 px of the end as the bottom', () => {
    const chat = fakeChat({ messages: history(10) });
    const { list, bottom, scrollTo, jump } = draw(chat);
    const token = streaming(chat);
    scrollTo(bottom() - 20);
    expect(jump()).toBeNull();
    token('more text');
    expect(list.scrollTop).toBe(bottom());
  });

  it('stays put once the reader scrolls up, shows "jump to latest", and reads no layout per token', () => {
    const chat = fakeChat({ messages: history(10) });
    const { list, scrollTo, jump } = draw(chat);
    const token = streaming(chat);
    scrollTo(200);
    expect(jump()?.getAttribute('aria-label')).toBe(en.jump);
    heightReads = 0;
    for (let i = 0; i < 20; i++) token('word ');
    expect(list.scrollTop).toBe(200);
    expect(heightReads).toBe(0);
    expect(jump()).not.toBeNull();
  });

  it('does not undo a scroll up whose scroll event has not fired yet when the next tokens render', () => {
    const chat = fakeChat({ messages: history(10) });
    const { list, jump } = draw(chat);
    const token = streaming(chat);
    token('first ');
    act(() => void (list.scrollTop = 200)); // the browser moved; `scroll` fires with the next frame
    token('second ');
    expect(list.scrollTop).toBe(200);
    expect(jump()).not.toBeNull();
  });

  it('keeps following when the list gets shorter at the bottom, as when a failed message is sent again', () => {
    const chat = fakeChat({ messages: [...history(10), message('user', 'failed one with a long text', 'failed')] });
    const { list, bottom, jump } = draw(chat);
    act(() => void (chat.messages.value = chat.messages.value.slice(0, -1)));
    expect(jump()).toBeNull();
    const token = streaming(chat);
    token('reply');
    expect(list.scrollTop).toBe(bottom());
  });

  it('"jump to latest" scrolls to the bottom, keeps focus in the list, and follows again', () => {
    const chat = fakeChat({ messages: history(10) });
    const { list, bottom, scrollTo, jump } = draw(chat);
    const token = streaming(chat);
    scrollTo(0);
    act(() => jump()!.click());
    expect(jump()).toBeNull();
    expect(list.scrollTop).toBe(bottom());
    expect(document.activeElement).toBe(list);
    token('and more');
    expect(list.scrollTop).toBe(bottom());
  });

  it('scrolling back down by hand also resumes following', () => {
    const chat = fakeChat({ messages: history(10) });
    const { list, bottom, scrollTo, jump } = draw(chat);
    const token = streaming(chat);
    scrollTo(0);
    scrollTo(bottom());
    expect(jump()).toBeNull();
    token('and more');
    expect(list.scrollTop).toBe(bottom());
  });

  it('always scrolls to the bottom when the visitor sends a message', () => {
    const chat = fakeChat({ messages: history(10) });
    const { list, bottom, scrollTo, jump } = draw(chat);
    scrollTo(100);
    expect(jump()).not.toBeNull();
    act(() => void chat.send('a new question'));
    expect(list.scrollTop).toBe(bottom());
    expect(jump()).toBeNull();
  });

  it('lands at the bottom when the panel opens, wherever the reader left it', () => {
    const chat = fakeChat({ messages: history(10) });
    const { list, bottom, scrollTo, reopen } = draw(chat);
    scrollTo(0);
    reopen(false);
    act(() => void (chat.messages.value = [...chat.messages.value, message('assistant', 'from another tab')]));
    expect(list.scrollTop).toBe(0);
    reopen(true);
    expect(list.scrollTop).toBe(bottom());
  });

  it('asks for older messages near the top only, and only when there are some', () => {
    const chat = fakeChat({ messages: history(10) });
    const { scrollTo } = draw(chat);
    scrollTo(50);
    expect(chat.loadOlder).not.toHaveBeenCalled();
    act(() => void (chat.hasOlder.value = true));
    scrollTo(500);
    expect(chat.loadOlder).not.toHaveBeenCalled();
    scrollTo(50);
    expect(chat.loadOlder).toHaveBeenCalledTimes(1);
  });

  it('keeps what the reader sees in place when older messages come in above', () => {
    const recent = history(10, 50);
    const chat = fakeChat({ messages: recent });
    chat.hasOlder.value = true;
    const { list, scrollTo } = draw(chat);
    scrollTo(30);
    const [first] = articles(list);
    const onScreen = () => first!.offsetTop - list.scrollTop;
    const before = onScreen();

    act(() => void (chat.messages.value = [...history(50), ...recent]));
    expect(articles(list)).toHaveLength(60);
    expect(articles(list)[50]).toBe(first);
    expect(onScreen()).toBe(before);
    expect(list.scrollTop).toBeGreaterThan(5000);
  });
});
