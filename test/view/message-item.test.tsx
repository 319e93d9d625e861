// @vitest-environment happy-dom
import { cleanup, fireEvent, render, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StreamError } from '../../widget/core/errors.js';
import { MessageItem } from '../../widget/view/message-item.js';
import { en } from '../../widget/view/strings.js';
import { message } from './fake-chat.js';

afterEach(cleanup);

const draw = (m: ReturnType<typeof message>, onRetry = vi.fn()) => {
  const { container } = render(<MessageItem message={m} strings={en} onRetry={onRetry} />);
  const article = container.querySelector('article');
  if (!article) throw new Error('no message drawn');
  return { article, onRetry };
};

describe('MessageItem', () => {
  it.each([
    ['user', 'message message-user'],
    ['assistant', 'message message-assistant'],
  ] as const)('gives a %s message the parts "%s"', (role, part) => {
    const { article } = draw(message(role, 'Hi'));
    expect(article.getAttribute('part')).toBe(part);
    expect(article.matches('[part~=message]')).toBe(true);
    expect(article.matches(`[part~=message-${role}]`)).toBe(true);
  });

  it('names the author for screen readers', () => {
    expect(draw(message('user', 'Hi')).article.textContent).toContain(`${en.you}:`);
    cleanup();
    expect(draw(message('assistant', 'Hi')).article.textContent).toContain(`${en.assistant}:`);
  });

  it('renders content as text, never as HTML', () => {
    const attack = '<img src=x onerror=alert(1)><script>alert(2)</script><b>bold</b>';
    const { article } = draw(message('assistant', attack));
    expect(article.querySelector('img, script, b')).toBeNull();
    expect(article.querySelector('.content')?.textContent).toBe(attack);
  });

  it('keeps line breaks and spaces as typed', () => {
    const { article } = draw(message('user', 'line one\n  line two'));
    expect(article.querySelector('.content')?.textContent).toBe('line one\n  line two');
  });

  it('shows a typing indicator for a reply with no text yet', () => {
    const { article } = draw(message('assistant', '', 'streaming'));
    expect(within(article).getByRole('status', { name: en.typing })).toBeTruthy();
    expect(article.querySelector('.content')).toBeNull();
  });

  it('shows the text, not the indicator, once the reply has some', () => {
    const { article } = draw(message('assistant', 'Hel', 'streaming'));
    expect(within(article).queryByRole('status')).toBeNull();
    expect(article.querySelector('.content')?.textContent).toBe('Hel');
    expect(article.dataset.state).toBe('streaming');
  });

  it('offers Retry on a failed message, which retries that message', () => {
    const failed = message('user', 'Hi', 'failed');
    const { article, onRetry } = draw(failed);
    expect(article.textContent).toContain(en.failed);
    fireEvent.click(within(article).getByRole('button', { name: en.retry }));
    expect(onRetry).toHaveBeenCalledExactlyOnceWith(failed.id);
  });

  it('notes an interrupted reply, keeps its text, and offers Retry', () => {
    const cut = message('assistant', 'Half', 'interrupted', { error: new StreamError('interrupted', 'cut') });
    const { article, onRetry } = draw(cut);
    expect(article.querySelector('.content')?.textContent).toBe('Half');
    expect(article.querySelector('.note')?.textContent).toContain(en.interrupted);
    fireEvent.click(within(article).getByRole('button', { name: en.retry }));
    expect(onRetry).toHaveBeenCalledExactlyOnceWith(cut.id);
  });

  it('notes a stopped reply, keeps its text, and offers no Retry', () => {
    const { article } = draw(message('assistant', 'Half', 'stopped'));
    expect(article.querySelector('.content')?.textContent).toBe('Half');
    expect(article.querySelector('.note')?.textContent).toBe(en.stopped);
    expect(within(article).queryByRole('button')).toBeNull();
  });

  it('has no note for a complete message', () => {
    expect(draw(message('assistant', 'Done')).article.querySelector('.note')).toBeNull();
  });
});
