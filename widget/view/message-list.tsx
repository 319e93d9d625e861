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
    <div part="messages" class="messages" aria-busy={status === 'loading' || status === 'streaming' || status === 'submitted'}>
      {status === 'loading' && !messages.length && <p class="placeholder">{strings.loading}</p>}
      {status !== 'loading' && !messages.length && <p class="placeholder">{greeting || strings.empty}</p>}
      {messages.map((message) => (
        <MessageItem key={message.id} message={message} strings={strings} onRetry={chat.retry} />
      ))}
    </div>
  );
}
