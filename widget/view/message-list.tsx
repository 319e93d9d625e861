import type { Chat } from '../core/index.js';
import { MessageItem } from './message-item.js';
import type { Strings } from './strings.js';

export interface MessageListProps {
  chat: Chat;
  strings: Strings;
  greeting?: string | undefined;
}

export function MessageList({ chat, strings, greeting }: MessageListProps) {
  const messages = chat.messages.value;
  const status = chat.status.value;
  return (
    // tabIndex: a scrolling region must be reachable by keyboard to scroll it (axe: scrollable-region-focusable).
    <div part="messages" class="messages" tabIndex={0} aria-busy={status === 'loading' || status === 'streaming' || status === 'submitted'}>
      {status === 'loading' && !messages.length && <p class="placeholder">{strings.loading}</p>}
      {status !== 'loading' && !messages.length && <p class="placeholder">{greeting || strings.empty}</p>}
      {messages.map((message) => (
        <MessageItem key={message.id} message={message} strings={strings} onRetry={chat.retry} />
      ))}
    </div>
  );
}
