// The script-tag loader's entry (and the types of `agento-chat/agento-chat.js`): loading it registers
// `<agento-chat>`; it exports no value, so the IIFE sets no global.
import { defineAgentoChat } from './define.js';

defineAgentoChat();

// Types only (erased from the build): brings define.ts's `<agento-chat>` entry of HTMLElementTagNameMap to importers.
export type { AgentoChatElement } from './define.js';
