// Only in the script-tag build. The loader's own URL is taken while it runs, the only moment
// `document.currentScript` points at it; the panel and the language tables sit next to it.
const base = (document.currentScript as HTMLScriptElement | null)?.src || location.href;

/** The URL of a file next to `agento-chat.js`. */
export const scriptUrl = (file: string): string => new URL(file, base).href;
