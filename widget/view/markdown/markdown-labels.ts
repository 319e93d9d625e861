import { createContext } from 'preact';

/** Words the Markdown renderer shows. */
export interface MarkdownLabels {
  /**
   * Text of a code block's copy button.
   * @defaultValue `'Copy'`
   */
  copy: string;
  /**
   * What the button says for 1.5 s after copying.
   * @defaultValue `'Copied'`
   */
  copied: string;
}

/**
 * Provides {@link MarkdownLabels} to every code block below it. A context rather than props, so that
 * finished blocks, which are never re-rendered, still follow a change of language.
 */
export const MarkdownLabelsContext = createContext<MarkdownLabels>({ copy: 'Copy', copied: 'Copied' });
