// The types of `agento-chat/agento-chat.js`, the script-tag loader: loading it registers
// `<agento-chat>` (and types it, see define.ts); it exports nothing.
import './define.js';

export {};
