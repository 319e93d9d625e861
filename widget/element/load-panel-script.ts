import type * as Panel from '../view/mount-panel.js';

// The script-tag build swaps this file in for load-panel.ts: the panel is a second file,
// `agento-chat-panel.js`, next to `agento-chat.js`. Its URL is taken while the script runs,
// the only moment `document.currentScript` points at it.
const base = (document.currentScript as HTMLScriptElement | null)?.src || location.href;
const url = new URL('agento-chat-panel.js', base).href;

/** Loads the panel from next to the loader script. */
export const loadPanel = (): Promise<typeof Panel> => import(/* @vite-ignore */ url);
