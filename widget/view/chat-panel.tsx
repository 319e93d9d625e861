import { useEffect } from 'preact/hooks';
import type { Chat } from '../core/index.js';
import { Composer } from './composer.js';
import { ErrorLine } from './error-line.js';
import { MarkdownLabelsContext } from './markdown/index.js';
import { MessageList } from './message-list.js';
import { ReplyAnnouncer } from './reply-announcer.js';
import { useScrollLock } from './scroll-lock.js';
import type { Strings } from './strings.js';

export type Mode = 'floating' | 'inline';

export interface ChatPanelProps {
  chat: Chat;
  strings: Strings;
  mode: Mode;
  greeting?: string | undefined;
  /** Whether the panel shows; a floating panel open on a small screen stops the page behind from scrolling. @defaultValue true */
  open?: boolean | undefined;
  onClose: () => void;
  inputRef?: { current: HTMLTextAreaElement | null };
}

/** The open chat: header, conversation, error line and composer. */
export function ChatPanel({ chat, strings, mode, greeting, open = true, onClose, inputRef }: ChatPanelProps) {
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
        <button
          part="new-conversation"
          type="button"
          class="icon"
          aria-label={strings.newConversation}
          title={strings.newConversation}
          onClick={() => {
            void chat.newConversation();
            inputRef?.current?.focus();
          }}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M12 5v14M5 12h14" />
          </svg>
        </button>
        {floating && (
          <button part="close" type="button" class="icon" aria-label={strings.close} title={strings.close} onClick={onClose}>
            <svg viewBox="0 0 24 24" aria-hidden="true">
              <path d="M6 6l12 12M18 6 6 18" />
            </svg>
          </button>
        )}
      </div>
      <MarkdownLabelsContext.Provider value={strings}>
        <MessageList chat={chat} strings={strings} greeting={greeting} open={open} />
      </MarkdownLabelsContext.Provider>
      <ErrorLine chat={chat} strings={strings} />
      <Composer chat={chat} strings={strings} inputRef={inputRef} />
      <ReplyAnnouncer chat={chat} strings={strings} />
    </section>
  );
}
