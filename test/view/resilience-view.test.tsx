// @vitest-environment happy-dom
// What the visitor sees when the network, the agent or the browser misbehaves.
import { act, cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HttpError, NetworkError, StreamError } from '../../widget/core/errors.js';
import { ChatPanel } from '../../widget/view/chat-panel.js';
import { Composer } from '../../widget/view/composer.js';
import { ErrorLine } from '../../widget/view/error-line.js';
import { MessageItem } from '../../widget/view/message-item.js';
import { en } from '../../widget/view/strings.js';
import { fakeChat, message } from './fake-chat.js';
import { failOnStrayErrors } from '../helpers/stray-errors.js';

failOnStrayErrors();
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const line = (container: Element) => container.querySelector<HTMLElement>('[part~=error]');

describe('the status line', () => {
  it('says the browser is offline, as a status, over any error', () => {
    const chat = fakeChat({ status: 'error', error: new NetworkError('offline', undefined, 'offline') });
    chat.online.value = false;
    const { container } = render(<ErrorLine chat={chat} strings={en} />);
    expect(line(container)?.textContent).toBe(en.offline);
    expect(line(container)?.getAttribute('role')).toBe('status');
    act(() => {
      chat.online.value = true;
      chat.status.value = 'idle';
    });
    expect(line(container)).toBeNull();
  });

  it('counts down to the next attempt, with Cancel', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const chat = fakeChat({ status: 'submitted' });
    const { container } = render(<ErrorLine chat={chat} strings={en} />);
    expect(line(container)).toBeNull();
    act(() => void (chat.retrying.value = { attempt: 2, at: Date.now() + 5000 }));
    expect(line(container)?.textContent).toBe('Trying again in 5 s…Cancel');
    expect(line(container)?.getAttribute('role')).toBe('status');
    act(() => void vi.advanceTimersByTime(2000));
    expect(line(container)?.textContent).toBe('Trying again in 3 s…Cancel');
    fireEvent.click(line(container)!.querySelector('button')!);
    expect(chat.cancelRetry).toHaveBeenCalledOnce();
    act(() => void (chat.retrying.value = null));
    expect(line(container)).toBeNull();
  });

  it('still says a rate limit in words when retrying is over', () => {
    const chat = fakeChat({ status: 'error', error: new HttpError(429, 'rate_limited', 'x', 120_000) });
    const { container } = render(<ErrorLine chat={chat} strings={en} />);
    expect(line(container)?.textContent).toBe('Too many messages at once. Try again in 120 s.');
    expect(line(container)?.getAttribute('role')).toBe('alert');
  });
});

describe('messages', () => {
  it.each([
    ['a failed send', message('user', 'Hi', 'failed', { error: new NetworkError('x') }), en.failed],
    ['an interrupted reply', message('assistant', 'Hel', 'interrupted', { error: new StreamError('interrupted', 'x') }), en.interrupted],
  ])('%s keeps its text and offers Retry', (_, item, note) => {
    const onRetry = vi.fn();
    const { container } = render(<MessageItem message={item} strings={en} onRetry={onRetry} />);
    expect(container.querySelector('.content')?.textContent).toBe(item.content);
    expect(container.querySelector('.note')?.textContent).toBe(note + en.retry);
    fireEvent.click(container.querySelector('.note button')!);
    expect(onRetry).toHaveBeenCalledExactlyOnceWith(item.id);
  });

  it('a stopped reply keeps its text, without Retry', () => {
    const { container } = render(<MessageItem message={message('assistant', 'Hel', 'stopped')} strings={en} onRetry={vi.fn()} />);
    expect(container.querySelector('.content')?.textContent).toBe('Hel');
    expect(container.querySelector('.note button')).toBeNull();
  });
});

describe('the composer', () => {
  it('keeps the draft while a send waits to retry, and after it fails', () => {
    const chat = fakeChat();
    const { container } = render(<Composer chat={chat} strings={en} />);
    const input = container.querySelector<HTMLTextAreaElement>('[part~=input]')!;
    fireEvent.input(input, { target: { value: 'Hello' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    act(() => void (chat.retrying.value = { attempt: 2, at: Date.now() + 5000 }));
    expect(input.value).toBe('Hello');
    act(() => {
      chat.retrying.value = null;
      chat.change(chat.messages.value[0]!.id, { state: 'failed' });
      chat.status.value = 'error';
    });
    expect(input.value).toBe('Hello');
  });
});

describe('the panel', () => {
  it('watches for other tabs’ messages only while open', async () => {
    const unwatch = vi.fn();
    const chat = fakeChat();
    chat.watch.mockReturnValue(unwatch);
    const props = { chat, strings: en, mode: 'floating' as const, onClose: vi.fn() };
    const { rerender, unmount } = render(<ChatPanel {...props} open={false} />);
    expect(chat.watch).not.toHaveBeenCalled();
    rerender(<ChatPanel {...props} open />);
    expect(chat.watch).toHaveBeenCalledOnce();
    rerender(<ChatPanel {...props} open={false} />);
    expect(unwatch).toHaveBeenCalledOnce();
    rerender(<ChatPanel {...props} open />);
    expect(chat.watch).toHaveBeenCalledTimes(2);
    unmount();
    // Preact runs an unmounted component's effect cleanups a moment later.
    await vi.waitFor(() => expect(unwatch).toHaveBeenCalledTimes(2));
  });
});
