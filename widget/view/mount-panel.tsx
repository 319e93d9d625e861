import { createRef, render } from 'preact';
import { createChat } from '../core/index.js';
import type { Chat, ChatOptions } from '../core/index.js';
import { adoptStyles } from './adopt-styles.js';
import { ChatPanel, type Mode } from './chat-panel.js';
import { panelCss } from './panel-styles.js';
import type { Strings } from './strings.js';

/** What the element hands the panel; everything but `endpoint` can change without losing the conversation. */
export interface PanelOptions extends Pick<ChatOptions, 'endpoint' | 'fetch' | 'storage' | 'onMessage' | 'onError' | 'onSession'> {
  mode: Mode;
  strings: Strings;
  greeting?: string | undefined;
  nonce?: string | null | undefined;
  onClose: () => void;
}

/** A mounted panel, driven by the element. */
export interface PanelHandle {
  readonly chat: Chat;
  update(options: PanelOptions): void;
  focus(): void;
  unmount(): void;
}

/** Renders the chat into `container` inside `root` and loads the stored conversation at once. */
export function mountPanel(root: ShadowRoot, container: HTMLElement, initial: PanelOptions): PanelHandle {
  adoptStyles(root, panelCss, initial.nonce);
  const inputRef = createRef<HTMLTextAreaElement>();
  let options = initial;
  let chat = start(options);

  const draw = () =>
    render(
      <ChatPanel
        key={options.endpoint}
        chat={chat}
        strings={options.strings}
        mode={options.mode}
        greeting={options.greeting}
        onClose={options.onClose}
        inputRef={inputRef}
      />,
      container,
    );
  draw();

  return {
    get chat() {
      return chat;
    },
    update(next) {
      if (next.endpoint !== options.endpoint) {
        chat.dispose();
        chat = start(next);
      }
      options = next;
      draw();
    },
    focus: () => inputRef.current?.focus(),
    unmount() {
      chat.dispose();
      render(null, container);
    },
  };
}

function start({ endpoint, fetch, storage, onMessage, onError, onSession }: PanelOptions): Chat {
  const chat = createChat({ endpoint, fetch, storage, onMessage, onError, onSession });
  void chat.loadHistory();
  return chat;
}
