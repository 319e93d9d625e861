const sheets = new Map<string, CSSStyleSheet>();

/**
 * Adds CSS to a shadow root as one constructable stylesheet shared by every widget on the page:
 * parsed once, and never blocked by a strict `style-src` Content-Security-Policy.
 * Where constructable sheets are missing, falls back to a `<style>` carrying the page's `nonce`.
 */
export function adoptStyles(root: ShadowRoot, css: string, nonce?: string | null): void {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    let sheet = sheets.get(css);
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      sheets.set(css, sheet);
    }
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  }
  const style = document.createElement('style');
  if (nonce) style.nonce = nonce;
  style.textContent = css;
  // After the styles adopted before it, as adoptedStyleSheets would order them (the panel's after the shell's).
  root.insertBefore(style, [...root.children].find((child) => child.localName !== 'style') ?? null);
}
