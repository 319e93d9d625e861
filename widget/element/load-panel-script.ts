import type * as Panel from '../view/mount-panel.js';
import { scriptUrl } from './script-url.js';

// The script-tag build swaps this file in for load-panel.ts: the panel is a second file,
// `agento-chat-panel.js`, next to `agento-chat.js`.
const url = scriptUrl('agento-chat-panel.js');

/** Loads the panel from next to the loader script. */
export const loadPanel = (): Promise<typeof Panel> => import(/* @vite-ignore */ url);
