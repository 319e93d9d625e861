import { useRef } from 'preact/hooks';
import type { Chat } from '../core/index.js';
import { IconButton } from './icon-button.js';
import { MessageItem } from './message-item.js';
import type { PanelStrings } from './strings.js';
import { useStickToBottom } from './use-stick-to-bottom.js';

export interface MessageListProps {
  chat: Chat;
  strings: PanelStrings;
  greeting?: string | undefined;
  /** Load images in replies. @defaultValue false */
  allowImages?: boolean | undefined;
  /** Whether the panel shows: opening it lands at the newest message. @defaultValue true */
  open?: boolean | undefined;
}

/** The conversation, scrolled like a chat app's (see {@link useStickToBottom}), with "jump to latest" when the reader scrolled up. */
export function MessageList({ chat, strings, greeting, allowImages, open = true }: MessageListProps) {
  const messages = chat.messages.value;
  const status = chat.status.value;
  const list = useRef<HTMLDivElement>(null);
  const [away, jump, onScroll] = useStickToBottom(list, chat, status, open);
  return (
    // tabIndex: a scrolling region must be reachable by keyboard to scroll it (axe: scrollable-region-focusable).
    <div ref={list} onScroll={onScroll} part="messages" class="messages" tabIndex={0} aria-busy={status === 'loading' || status === 'streaming' || status === 'submitted'}>
      {!messages.length && <p class="placeholder">{status === 'loading' ? strings.loading : greeting || strings.empty}</p>}
      {messages.map((message) => (
        <MessageItem key={message.id} message={message} strings={strings} allowImages={allowImages} onRetry={chat.retry} />
      ))}
      {away && (
        <IconButton part="jump" class="icon jump" label={strings.jump} icon="M12 5v14M6 13l6 6 6-6" onClick={jump} />
      )}
    </div>
  );
}
