// The script-tag loader's entry (and the types of `agento-chat/agento-chat.js`): importing define.ts
// registers `<agento-chat>`. It exports no value, so the IIFE sets no global.
import './define.js'; // kept by the build: package.json's `sideEffects` names define.ts

// Types only (erased from the build): brings define.ts's `<agento-chat>` entry of HTMLElementTagNameMap to importers.
export type { AgentoChatElement } from './define.js';
