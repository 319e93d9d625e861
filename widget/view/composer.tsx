import { useSignalEffect } from '@preact/signals';
import { useRef, useState } from 'preact/hooks';
import type { Chat } from '../core/index.js';
import { IconButton } from './icon-button.js';
import type { PanelStrings } from './strings.js';

export interface ComposerProps {
  chat: Chat;
  strings: PanelStrings;
  inputRef?: { current: HTMLTextAreaElement | null };
}

/** The text box with send and stop. The draft is cleared only once the proxy has accepted it. */
export function Composer({ chat, strings, inputRef }: ComposerProps) {
  const [draft, setDraft] = useState('');
  /** The draft last sent, until a message with its text is accepted (directly, or later through Retry). */
  const sent = useRef<string | null>(null);
  const status = chat.status.value;
  const busy = status === 'submitted' || status === 'streaming';

  useSignalEffect(() => {
    const messages = chat.messages.value; // read first: the effect must always depend on it
    const pending = sent.current;
    const text = pending?.trim();
    const message = text ? messages.findLast((m) => m.role === 'user' && m.content === text) : undefined;
    // Accepted: the text now lives in the conversation. Failed: it stays here too, until a Retry is accepted.
    if (message?.state !== 'complete') return;
    sent.current = null;
    setDraft((current) => (current === pending ? '' : current));
  });

  const submit = () => {
    if (busy || !draft.trim()) return;
    sent.current = draft;
    void chat.send(draft);
  };

  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <textarea
        part="input"
        ref={inputRef}
        rows={1}
        value={draft}
        placeholder={strings.placeholder}
        aria-label={strings.placeholder}
        enterkeyhint="send"
        onInput={(event) => setDraft(event.currentTarget.value)}
        onKeyDown={(event) => {
          // isComposing: Enter also confirms an IME candidate (Japanese, Chinese) and must not send then.
          if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            submit();
          }
        }}
      />
      {busy ? (
        <IconButton
          part="stop"
          class="action"
          label={strings.stop}
          icon={<rect x="7" y="7" width="10" height="10" rx="1.5" />}
          onClick={(event) => {
            // Stopping re-renders this very button as Send (type=submit) before the click's default action
            // runs; without this, that action submits the form and the message is sent a second time.
            event.preventDefault();
            chat.stop();
          }}
        />
      ) : (
        <IconButton part="send" type="submit" class="action" label={strings.send} icon="M3.4 20.4 21 12 3.4 3.6 3.4 10l12.6 2-12.6 2z" disabled={!draft.trim()} />
      )}
    </form>
  );
}
