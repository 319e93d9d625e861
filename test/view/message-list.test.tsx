// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MessageItem } from '../../widget/view/message-item.js';
import { MessageList } from '../../widget/view/message-list.js';
import { en } from '../../widget/view/strings.js';
import { fakeChat, message } from './fake-chat.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function draw(chat: ReturnType<typeof fakeChat>, greeting?: string) {
  const { container } = render(<MessageList chat={chat} strings={en} greeting={greeting} />);
  const list = container.querySelector<HTMLElement>('[part~=messages]');
  if (!list) throw new Error('no [part~=messages]');
  return list;
}

describe('MessageList', () => {
  it('draws every message in order, each with its parts', () => {
    const chat = fakeChat({ messages: [message('user', 'Q'), message('assistant', 'A')] });
    const list = draw(chat);
    expect([...list.querySelectorAll('[part~=message]')].map((m) => `${m.getAttribute('part')}|${m.querySelector('.content')?.textContent}`)).toEqual([
      'message message-user|Q',
      'message message-assistant|A',
    ]);
  });

  it('shows a loading placeholder while the history loads, and no greeting', () => {
    const list = draw(fakeChat({ status: 'loading' }), 'Hello!');
    expect(list.textContent).toContain(en.loading);
    expect(list.textContent).not.toContain('Hello!');
    expect(list.getAttribute('aria-busy')).toBe('true');
  });

  it('greets in an empty conversation', () => {
    const list = draw(fakeChat(), 'Hello! Ask me about orders.');
    expect(list.textContent).toBe('Hello! Ask me about orders.');
    expect(list.getAttribute('aria-busy')).toBe('false');
  });

  it('falls back to the built-in empty text without a greeting', () => {
    expect(draw(fakeChat()).textContent).toBe(en.empty);
  });

  it('drops the greeting once there is a message', () => {
    const chat = fakeChat();
    const list = draw(chat, 'Hello!');
    act(() => void chat.send('Hi'));
    expect(list.textContent).not.toContain('Hello!');
    expect(list.querySelectorAll('[part~=message-user]')).toHaveLength(1);
  });

  it('wires Retry to chat.retry', () => {
    const failed = message('user', 'Hi', 'failed');
    const chat = fakeChat({ messages: [failed] });
    draw(chat).querySelector<HTMLButtonElement>('button')?.click();
    expect(chat.retry).toHaveBeenCalledWith(failed.id);
  });

  it('re-renders only the streaming message when it grows; older messages are left alone', () => {
    const history = Array.from({ length: 20 }, (_, i) => message(i % 2 ? 'assistant' : 'user', `old ${i}`));
    const reply = message('assistant', '', 'streaming');
    const chat = fakeChat({ messages: [...history, reply], status: 'streaming' });
    const list = draw(chat);
    const before = [...list.querySelectorAll('[part~=message]')];
    const renders = vi.spyOn(MessageItem.prototype, 'render');
    const mutations: MutationRecord[] = [];
    const observer = new MutationObserver((records) => mutations.push(...records));
    for (const node of before.slice(0, -1)) observer.observe(node, { subtree: true, childList: true, characterData: true, attributes: true });

    for (const token of ['Hel', 'lo', ' there']) act(() => chat.change(reply.id, { content: (chat.messages.value.at(-1)?.content ?? '') + token }));

    expect(renders.mock.calls.map(([props]) => props.message.id)).toEqual([reply.id, reply.id, reply.id]);
    const after = [...list.querySelectorAll('[part~=message]')];
    after.slice(0, -1).forEach((node, i) => expect(node).toBe(before[i]));
    expect(observer.takeRecords().concat(mutations)).toEqual([]);
    expect(after.at(-1)?.querySelector('.content')?.textContent).toBe('Hello there');
    observer.disconnect();
  });
});
