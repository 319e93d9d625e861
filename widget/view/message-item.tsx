import { Component } from 'preact';
import type { ChatMessage } from '../core/index.js';
import { Markdown } from './markdown/index.js';
import { stateNote, type PanelStrings } from './strings.js';

export interface MessageItemProps {
  message: ChatMessage;
  strings: PanelStrings;
  /** Load images in the reply. @defaultValue false */
  allowImages?: boolean | undefined;
  onRetry: (id: string) => void;
}

/**
 * One message. A class only for `shouldComponentUpdate`: messages are immutable, so an
 * unchanged object means nothing to draw, and a long history costs nothing per streamed token.
 */
export class MessageItem extends Component<MessageItemProps> {
  override shouldComponentUpdate(next: MessageItemProps): boolean {
    return next.message !== this.props.message || next.strings !== this.props.strings || next.allowImages !== this.props.allowImages;
  }

  override render({ message, strings, allowImages, onRetry }: MessageItemProps) {
    const { role, content, state, timestamp } = message;
    const waiting = state === 'streaming' && !content;
    const note = stateNote(state, strings);
    return (
      <article part={`message message-${role}`} class={`message ${role} ${state}`} data-state={state} title={formatTime(timestamp)}>
        <span class="sr-only">{role === 'user' ? strings.you : strings.assistant}: </span>
        {waiting ? (
          <span class="typing" role="status" aria-label={strings.typing}>
            <i />
            <i />
            <i />
          </span>
        ) : role === 'assistant' ? (
          // History and live replies take the same path: Markdown rendered to VNodes, never to HTML.
          <div class="content">
            <Markdown text={content} streaming={state === 'streaming'} allowImages={allowImages} labels={strings} />
          </div>
        ) : (
          <div class="content">{content}</div>
        )}
        {note && (
          <p class="note">
            {note}
            {(state === 'failed' || state === 'interrupted') && (
              <button type="button" class="link" onClick={() => onRetry(message.id)}>
                {strings.retry}
              </button>
            )}
          </p>
        )}
        {/* The time: in `title` for the eye (on hover), here for the ear and for machines. */}
        <time class="sr-only" dateTime={timestamp}>
          {formatTime(timestamp, SHORT)}
        </time>
      </article>
    );
  }
}

const FULL = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
const SHORT = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
function formatTime(iso: string, format = FULL): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : format.format(date);
}
