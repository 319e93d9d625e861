// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { AgentoError, HttpError, NetworkError, StreamError } from '../../widget/core/errors.js';
import { ErrorLine } from '../../widget/view/error-line.js';
import { en } from '../../widget/view/strings.js';
import { fakeChat } from './fake-chat.js';

afterEach(cleanup);

function errorLineFor(error: AgentoError) {
  const { container } = render(<ErrorLine chat={fakeChat({ status: 'error', error })} strings={en} />);
  return container.querySelector('[part~=error]');
}

describe('ErrorLine', () => {
  it.each([
    ['429 with Retry-After', new HttpError(429, 'rate_limited', 'Too many requests.', 12_000), 'Too many messages at once. Try again in 12 s.'],
    ['429 with a fraction of a second', new HttpError(429, 'rate_limited', 'x', 1_200), 'Too many messages at once. Try again in 2 s.'],
    ['429 without Retry-After', new HttpError(429, 'rate_limited', 'x'), en.errorRateLimited],
    ['a network failure', new NetworkError('Failed to fetch'), en.errorNetwork],
    ['500', new HttpError(500, 'internal', 'x'), en.errorServer],
    ['502', new HttpError(502, 'upstream_error', 'x'), en.errorServer],
    ['503', new HttpError(503, 'unavailable', 'x'), en.errorServer],
    ['413', new HttpError(413, 'message_too_long', 'x'), en.errorTooLong],
    ['403', new HttpError(403, 'forbidden', 'x'), en.errorForbidden],
    ['a cut stream', new StreamError('interrupted', 'x'), en.errorInterrupted],
    ['anything else', new AgentoError('bad_response', 'x'), en.errorGeneric],
  ])('says a human sentence for %s', (_, error, sentence) => {
    const line = errorLineFor(error);
    expect(line?.textContent).toBe(sentence);
    expect(line?.getAttribute('role')).toBe('alert');
  });

  it('never shows the developer message', () => {
    expect(errorLineFor(new HttpError(500, 'internal', 'TypeError at proxy.ts:42'))?.textContent).not.toContain('proxy.ts');
  });

  it('shows only while the status is error', () => {
    const chat = fakeChat({ status: 'error', error: new NetworkError('offline') });
    const { container } = render(<ErrorLine chat={chat} strings={en} />);
    expect(container.querySelector('[part~=error]')).not.toBeNull();
    act(() => void (chat.status.value = 'submitted'));
    expect(container.querySelector('[part~=error]')).toBeNull();
  });
});
