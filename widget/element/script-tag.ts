// The script-tag loader's entry (and the types of `agento-chat/agento-chat.js`): loading it registers
// `<agento-chat>` (typed in define.ts); it exports nothing, so the IIFE sets no global.
import { defineAgentoChat } from './define.js';

defineAgentoChat();

export {};
