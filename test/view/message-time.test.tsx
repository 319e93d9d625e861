// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { MessageItem } from '../../widget/view/message-item.js';
import { en } from '../../widget/view/strings.js';
import { message } from './fake-chat.js';

afterEach(cleanup);

const draw = (timestamp: string) => {
  const { container } = render(<MessageItem message={message('assistant', 'Hi', 'complete', { timestamp })} strings={en} onRetry={() => {}} />);
  return container.querySelector('article')!;
};

describe('MessageItem timestamps', () => {
  it('gives the time on hover (title, date and time) and as a machine-readable <time> for screen readers', () => {
    const iso = '2030-01-01T12:34:00.000Z';
    const article = draw(iso);
    expect(article.title).toBe(new Date(iso).toLocaleString());
    const time = article.querySelector('time')!;
    expect(time.getAttribute('datetime')).toBe(iso);
    expect(time.textContent).toBe(new Date(iso).toLocaleString(undefined, { timeStyle: 'short' }));
    // Visually hidden: the reply's visible text stays the reply.
    expect(time.classList.contains('sr-only')).toBe(true);
  });

  it('shows no made-up time for a timestamp it cannot read', () => {
    const article = draw('not a date');
    expect(article.title).toBe('');
    expect(article.querySelector('time')?.textContent).toBe('');
  });
});
