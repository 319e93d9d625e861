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

export const englishLabels: MarkdownLabels = { copy: 'Copy', copied: 'Copied' };
