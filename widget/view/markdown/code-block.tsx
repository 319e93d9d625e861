import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { MarkdownLabels } from './markdown-labels.js';

/** Props of {@link CodeBlock}. */
export interface CodeBlockProps {
  /** Language from the fence's info string, shown as a label; may be empty. */
  lang: string;
  /** The code, as text. */
  text: string;
  labels: MarkdownLabels;
}

/**
 * A fenced code block: language label, a copy button (where the Clipboard API exists) that says
 * "Copied" for 1.5 s, and the code in a `<pre>` that scrolls sideways instead of widening the panel.
 */
export function CodeBlock({ lang, text, labels }: CodeBlockProps): VNode {
  // While the button says "Copied": the timer that sets it back.
  const [copied, setCopied] = useState<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(copied), [copied]);
  const clipboard = globalThis.navigator?.clipboard;
  const copy = () =>
    clipboard.writeText(text).then(
      () => {
        clearTimeout(copied);
        setCopied(setTimeout(() => setCopied(undefined), 1500));
      },
      () => {}, // Denied (no user activation, permissions): nothing to say beyond the button not changing.
    );
  return (
    <div class="ac-code">
      <div class="ac-code-bar">
        <span class="ac-code-lang">{lang}</span>
        {clipboard && (
          <button type="button" class="ac-copy" aria-live="polite" onClick={copy}>
            {copied ? labels.copied : labels.copy}
          </button>
        )}
      </div>
      {/* Focusable: a long line scrolls sideways, and the keyboard must be able to scroll it too. */}
      <pre tabIndex={0}>
        <code data-lang={lang || undefined}>{text}</code>
      </pre>
    </div>
  );
}
