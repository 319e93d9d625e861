import { createRef, render } from 'preact';
import { createChat } from '../core/index.js';
import type { Chat, ChatOptions } from '../core/index.js';
import { ChatPanel, type Mode } from './chat-panel.js';
import { markdownCss } from './markdown/index.js';
import { panelCss } from './panel-styles.js';
import { panelEn, type PanelStrings, type Strings } from './strings.js';

/** What the element hands the panel; everything but `endpoint` can change without losing the conversation. */
export interface PanelOptions extends Pick<ChatOptions, 'endpoint' | 'fetch' | 'storage' | 'onMessage' | 'onError' | 'onSession'> {
  mode: Mode;
  /** Words over the built-in English: the language's table and the integrator's replacements. */
  strings: Partial<Strings>;
  greeting?: string | undefined;
  /** Load images in replies (the `allow-images` attribute). */
  allowImages?: boolean | undefined;
  /** Whether the panel shows (it stays mounted while closed, so a reply keeps streaming). */
  open: boolean;
  onClose: () => void;
}

/** A mounted panel, driven by the element. */
export interface PanelHandle {
  readonly chat: Chat;
  /** Sends a message once the stored conversation has loaded, so it lands below it; resolves when the reply ends. */
  send(text: string): Promise<void>;
  update(options: PanelOptions): void;
  focus(): void;
  unmount(): void;
}

/**
 * The panel's CSS, for the element to adopt into its shadow root (with its `adoptStyles`, which the
 * loader already carries: the panel need not bring a second copy).
 */
export const panelStyles = panelCss + markdownCss;

/** Renders the chat into `container` (its shadow root must have adopted {@link panelStyles}) and loads the stored conversation at once. */
export function mountPanel(container: HTMLElement, initial: PanelOptions): PanelHandle {
  const inputRef = createRef<HTMLTextAreaElement>();
  let options = initial;
  let strings = words(initial.strings);
  let chat = start(options);

  const draw = () =>
    render(
      <ChatPanel
        key={options.endpoint}
        chat={chat}
        strings={strings}
        mode={options.mode}
        greeting={options.greeting}
        allowImages={options.allowImages}
        open={options.open}
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
      strings = words(next.strings, strings);
      draw();
    },
    async send(text) {
      const current = chat;
      await new Promise<void>((resolve) => {
        const stop = current.status.subscribe((status) => {
          if (status === 'loading') return;
          resolve();
          queueMicrotask(() => stop());
        });
      });
      await current.send(text);
    },
    focus: () => inputRef.current?.focus(),
    unmount() {
      chat.dispose();
      render(null, container);
    },
  };
}

/** English under the given words; the previous object when nothing changed, so messages are not drawn again. */
function words(given: Partial<Strings>, previous?: PanelStrings): PanelStrings {
  const next: PanelStrings = { ...panelEn, ...given };
  return previous && (Object.keys(next) as Array<keyof PanelStrings>).every((key) => next[key] === previous[key]) ? previous : next;
}

// The panel's own options (mode, strings, …) are no chat options: createChat reads only its own.
function start(options: PanelOptions): Chat {
  const chat = createChat(options);
  void chat.loadHistory();
  return chat;
}
