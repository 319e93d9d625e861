// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Composer } from '../../widget/view/composer.js';
import { en } from '../../widget/view/strings.js';
import { fakeChat } from './fake-chat.js';

afterEach(cleanup);

function draw(chat = fakeChat()) {
  const { container } = render(<Composer chat={chat} strings={en} />);
  const input = container.querySelector<HTMLTextAreaElement>('[part~=input]');
  if (!input) throw new Error('no [part~=input]');
  const part = (name: string) => container.querySelector<HTMLButtonElement>(`[part~=${name}]`);
  const type = (text: string) => fireEvent.input(input, { target: { value: text } });
  return { chat, input, part, type };
}

/** The message the composer sent last. */
const lastSent = (chat: ReturnType<typeof fakeChat>) => {
  const sent = chat.messages.value.at(-1);
  if (!sent) throw new Error('nothing was sent');
  return sent;
};

describe('Composer', () => {
  it('sends the draft on Enter', () => {
    const { chat, input, type } = draw();
    type('Hello there');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(chat.send).toHaveBeenCalledExactlyOnceWith('Hello there');
  });

  it('sends with the send button', () => {
    const { chat, part, type } = draw();
    type('Hello');
    fireEvent.click(part('send')!);
    expect(chat.send).toHaveBeenCalledExactlyOnceWith('Hello');
  });

  it('does not send on Shift+Enter (a new line)', () => {
    const { chat, input, type } = draw();
    type('line one');
    const event = fireEvent.keyDown(input, { key: 'Enter', shiftKey: true });
    expect(chat.send).not.toHaveBeenCalled();
    expect(event).toBe(true); // not prevented: the browser inserts the line break
  });

  it('does not send on the Enter that confirms an IME candidate', () => {
    const { chat, input, type } = draw();
    type('にほん');
    fireEvent.keyDown(input, { key: 'Enter', isComposing: true });
    expect(chat.send).not.toHaveBeenCalled();
  });

  it('sends nothing for an empty or blank draft, and disables the send button', () => {
    const { chat, input, part, type } = draw();
    expect(part('send')?.disabled).toBe(true);
    type('   ');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(part('send')?.disabled).toBe(true);
    expect(chat.send).not.toHaveBeenCalled();
  });

  it('keeps the draft while sending and clears it once the message is accepted', () => {
    const { chat, input, type } = draw();
    type('Hello');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(lastSent(chat).state).toBe('sending');
    expect(input.value).toBe('Hello');

    act(() => chat.change(lastSent(chat).id, { state: 'complete' }));
    expect(input.value).toBe('');
  });

  it('keeps the draft when the message fails', () => {
    const { chat, input, type } = draw();
    type('Hello');
    fireEvent.keyDown(input, { key: 'Enter' });
    act(() => {
      chat.change(lastSent(chat).id, { state: 'failed' });
      chat.status.value = 'error';
    });
    expect(input.value).toBe('Hello');
  });

  it('clears the kept draft once a Retry of that message is accepted, so it is not sent twice', () => {
    const { chat, input, type } = draw();
    type('Hello');
    fireEvent.keyDown(input, { key: 'Enter' });
    act(() => chat.change(lastSent(chat).id, { state: 'failed' }));
    expect(input.value).toBe('Hello');
    act(() => chat.change(lastSent(chat).id, { state: 'complete' })); // the Retry went through
    expect(input.value).toBe('');
  });

  it('keeps what the visitor typed meanwhile when the message is accepted', () => {
    const { chat, input, type } = draw();
    type('Hello');
    fireEvent.keyDown(input, { key: 'Enter' });
    type('Next question');
    act(() => chat.change(lastSent(chat).id, { state: 'complete' }));
    expect(input.value).toBe('Next question');
  });

  it('shows stop instead of send while a reply is on its way, and stop calls chat.stop', () => {
    const { chat, input, part, type } = draw(fakeChat({ status: 'streaming' }));
    expect(part('send')).toBeNull();
    fireEvent.click(part('stop')!);
    expect(chat.stop).toHaveBeenCalledTimes(1);

    type('More');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(chat.send).not.toHaveBeenCalled();

    act(() => void (chat.status.value = 'idle'));
    expect(part('stop')).toBeNull();
    expect(part('send')).not.toBeNull();
  });

  it('shows stop as soon as the message is submitted', () => {
    const { input, part, type } = draw();
    type('Hello');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(part('stop')).not.toBeNull();
  });

  it('uses the placeholder as the accessible name', () => {
    const { input } = draw();
    expect(input.placeholder).toBe(en.placeholder);
    expect(input.getAttribute('aria-label')).toBe(en.placeholder);
  });
});
