import { useRef } from 'preact/hooks';
import type { Chat } from '../core/index.js';
import { MessageItem } from './message-item.js';
import type { Strings } from './strings.js';
import { useStickToBottom } from './use-stick-to-bottom.js';

export interface MessageListProps {
  chat: Chat;
  strings: Strings;
  greeting?: string | undefined;
  /** Whether the panel shows: opening it lands at the newest message. @defaultValue true */
  open?: boolean | undefined;
}

/** The conversation, scrolled like a chat app's (see {@link useStickToBottom}), with "jump to latest" when the reader scrolled up. */
export function MessageList({ chat, strings, greeting, open = true }: MessageListProps) {
  const messages = chat.messages.value;
  const status = chat.status.value;
  const list = useRef<HTMLDivElement>(null);
  const [away, jump, onScroll] = useStickToBottom(list, chat, status, open);
  return (
    // tabIndex: a scrolling region must be reachable by keyboard to scroll it (axe: scrollable-region-focusable).
    <div ref={list} onScroll={onScroll} part="messages" class="messages" tabIndex={0} aria-busy={status === 'loading' || status === 'streaming' || status === 'submitted'}>
      {status === 'loading' && !messages.length && <p class="placeholder">{strings.loading}</p>}
      {status !== 'loading' && !messages.length && <p class="placeholder">{greeting || strings.empty}</p>}
      {messages.map((message) => (
        <MessageItem key={message.id} message={message} strings={strings} onRetry={chat.retry} />
      ))}
      {away && (
        <button part="jump" type="button" class="icon jump" aria-label={strings.jump} title={strings.jump} onClick={jump}>
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M12 5v14M6 13l6 6 6-6" />
          </svg>
        </button>
      )}
    </div>
  );
}
