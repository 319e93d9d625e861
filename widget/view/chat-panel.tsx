import { useEffect } from 'preact/hooks';
import type { Chat } from '../core/index.js';
import { Composer } from './composer.js';
import { ErrorLine } from './error-line.js';
import { IconButton } from './icon-button.js';
import { MessageList } from './message-list.js';
import { ReplyAnnouncer } from './reply-announcer.js';
import { useScrollLock } from './scroll-lock.js';
import type { PanelStrings } from './strings.js';

export type Mode = 'floating' | 'inline';

export interface ChatPanelProps {
  chat: Chat;
  strings: PanelStrings;
  mode: Mode;
  greeting?: string | undefined;
  /** Load images in replies; otherwise each shows as a link. @defaultValue false */
  allowImages?: boolean | undefined;
  /** Whether the panel shows; a floating panel open on a small screen stops the page behind from scrolling. @defaultValue true */
  open?: boolean | undefined;
  onClose: () => void;
  inputRef?: { current: HTMLTextAreaElement | null };
}

/** The open chat: header, conversation, error line and composer. */
export function ChatPanel({ chat, strings, mode, greeting, allowImages, open = true, onClose, inputRef }: ChatPanelProps) {
  const floating = mode === 'floating';
  useScrollLock(floating && open);
  // While on screen, poll for messages sent from other tabs (the chat pauses it in hidden tabs).
  useEffect(() => (open ? chat.watch() : undefined), [chat, open]);
  return (
    <section
      part="panel"
      class={`panel ${mode}`}
      role={floating ? 'dialog' : 'region'}
      aria-label={strings.title}
      onKeyDown={(event) => {
        if (floating && event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div part="header" class="header">
        <h2 class="title">{strings.title}</h2>
        <IconButton
          part="new-conversation"
          class="icon"
          label={strings.newConversation}
          icon="M12 5v14M5 12h14"
          onClick={() => {
            void chat.newConversation();
            inputRef?.current?.focus();
          }}
        />
        {floating && <IconButton part="close" class="icon" label={strings.close} icon="M6 6l12 12M18 6 6 18" onClick={onClose} />}
      </div>
      <MessageList chat={chat} strings={strings} greeting={greeting} allowImages={allowImages} open={open} />
      <ErrorLine chat={chat} strings={strings} />
      <Composer chat={chat} strings={strings} inputRef={inputRef} />
      <ReplyAnnouncer chat={chat} strings={strings} />
    </section>
  );
}
