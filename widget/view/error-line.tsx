import type { Chat } from '../core/index.js';
import { describeError } from './describe-error.js';
import type { Strings } from './strings.js';

export function ErrorLine({ chat, strings }: { chat: Chat; strings: Strings }) {
  const error = chat.error.value;
  if (!error || chat.status.value !== 'error') return null;
  return (
    <p part="error" class="error" role="alert">
      {describeError(error, strings)}
    </p>
  );
}
