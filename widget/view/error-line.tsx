import { useEffect, useState } from 'preact/hooks';
import type { Chat } from '../core/index.js';
import { describeError } from './describe-error.js';
import { inSeconds, type PanelStrings } from './strings.js';

/** The status line: offline, waiting to retry (with a countdown and Cancel), or the last error. */
export function ErrorLine({ chat, strings }: { chat: Chat; strings: PanelStrings }) {
  const error = chat.error.value;
  const retrying = chat.retrying.value;
  const offline = !chat.online.value;
  const [, tick] = useState(0);
  useEffect(() => {
    if (!retrying) return;
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [retrying]);
  const text = offline
    ? strings.offline
    : retrying
      ? inSeconds(strings.retryingIn, retrying.at - Date.now())
      : error && chat.status.value === 'error' && describeError(error, strings);
  if (!text) return null;
  return (
    <p part="error" class="error" role={offline || retrying ? 'status' : 'alert'}>
      {text}
      {retrying && !offline && (
        <button type="button" class="link" onClick={chat.cancelRetry}>
          {strings.cancel}
        </button>
      )}
    </p>
  );
}
