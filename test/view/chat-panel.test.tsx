// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HttpError } from '../../widget/core/errors.js';
import { ChatPanel, type Mode } from '../../widget/view/chat-panel.js';
import { en } from '../../widget/view/strings.js';
import { fakeChat, message } from './fake-chat.js';

afterEach(cleanup);

function draw({ mode = 'floating' as Mode, chat = fakeChat(), greeting = undefined as string | undefined } = {}) {
  const onClose = vi.fn();
  const inputRef = { current: null as HTMLTextAreaElement | null };
  const { container } = render(
    <ChatPanel chat={chat} strings={{ ...en, title: 'Support' }} mode={mode} greeting={greeting} onClose={onClose} inputRef={inputRef} />,
  );
  const panel = container.querySelector<HTMLElement>('[part~=panel]');
  if (!panel) throw new Error('no [part~=panel]');
  const part = (name: string) => panel.querySelector<HTMLElement>(`[part~=${name}]`);
  return { chat, panel, part, onClose, inputRef };
}

describe('ChatPanel', () => {
  it('has every public part', () => {
    const { part } = draw({ chat: fakeChat({ messages: [message('user', 'Q'), message('assistant', 'A')] }) });
    for (const name of ['header', 'close', 'new-conversation', 'messages', 'message', 'message-user', 'message-assistant', 'input', 'send']) {
      expect(part(name), name).not.toBeNull();
    }
  });

  it('is a dialog named by its title when floating', () => {
    const { panel, part } = draw();
    expect(panel.getAttribute('role')).toBe('dialog');
    expect(panel.getAttribute('aria-label')).toBe('Support');
    expect(part('header')?.textContent).toContain('Support');
  });

  it('is a region with no close button inline', () => {
    const { panel, part } = draw({ mode: 'inline' });
    expect(panel.getAttribute('role')).toBe('region');
    expect(part('close')).toBeNull();
  });

  it('closes with the close button and with Escape when floating', () => {
    const { part, onClose, inputRef } = draw();
    fireEvent.click(part('close')!);
    expect(onClose).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(inputRef.current!, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('ignores Escape inline', () => {
    const { onClose, inputRef } = draw({ mode: 'inline' });
    fireEvent.keyDown(inputRef.current!, { key: 'Escape' });
    expect(onClose).not.toHaveBeenCalled();
  });

  it('starts a new conversation and puts the cursor back in the text box', () => {
    const { chat, part, inputRef } = draw();
    fireEvent.click(part('new-conversation')!);
    expect(chat.newConversation).toHaveBeenCalledTimes(1);
    expect(inputRef.current).not.toBeNull();
    expect(document.activeElement).toBe(inputRef.current);
  });

  it('shows the greeting, then the conversation, then an error line', () => {
    const { chat, panel, part } = draw({ greeting: 'Hi! Ask me anything.' });
    expect(part('messages')?.textContent).toBe('Hi! Ask me anything.');
    act(() => void chat.send('Hello'));
    expect(within(part('messages')!).getByText('Hello')).toBeTruthy();
    expect(part('stop')).not.toBeNull();
    act(() => {
      chat.change(chat.messages.value[0]!.id, { state: 'failed' });
      chat.error.value = new HttpError(429, 'rate_limited', 'x', 5_000);
      chat.status.value = 'error';
    });
    expect(part('error')?.textContent).toBe('Too many messages at once. Try again in 5 s.');
    expect(within(panel).getByRole('button', { name: en.retry })).toBeTruthy();
  });
});
