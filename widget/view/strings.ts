import type { MessageState } from '../core/index.js';
import { shellEn, type ShellStrings } from './shell-strings.js';

/** Every word the widget shows. Replace any of them through the element's `strings` property. */
export interface Strings {
  title: string;
  placeholder: string;
  launcherOpen: string;
  launcherClose: string;
  close: string;
  newConversation: string;
  send: string;
  stop: string;
  retry: string;
  loading: string;
  typing: string;
  empty: string;
  you: string;
  assistant: string;
  failed: string;
  interrupted: string;
  stopped: string;
  missingEndpoint: string;
  errorNetwork: string;
  errorRateLimited: string;
  errorRateLimitedIn: string;
  errorTooLong: string;
  errorForbidden: string;
  errorServer: string;
  errorInterrupted: string;
  errorGeneric: string;
  /** Shown while the browser is offline. */
  offline: string;
  /** Shown while a send waits to try again; `{s}` is the seconds left. */
  retryingIn: string;
  /** Stops waiting for a retry. */
  cancel: string;
  /** The button that scrolls back to the newest message, shown once the reader scrolled up. */
  jump: string;
  /** A code block's copy button, and what it says for a moment after copying. */
  copy: string;
  copied: string;
}

/** The words of the open panel: all but the shell's (see `shell-strings.ts`), which the panel never shows. */
export type PanelStrings = Omit<Strings, keyof ShellStrings>;

/** English words of the panel: only these go into the panel's bundle (the loader carries the shell's). */
export const panelEn: PanelStrings = {
  title: 'Chat',
  placeholder: 'Write a message…',
  close: 'Close',
  newConversation: 'New conversation',
  send: 'Send',
  stop: 'Stop',
  retry: 'Retry',
  loading: 'Loading conversation…',
  typing: 'Typing…',
  empty: 'Ask anything. Replies appear here as they are written.',
  you: 'You',
  assistant: 'Assistant',
  failed: 'Not sent.',
  interrupted: 'The reply was cut off.',
  stopped: 'Stopped.',
  errorNetwork: 'Cannot reach the chat server. Check your connection.',
  errorRateLimited: 'Too many messages at once. Please wait a moment.',
  errorRateLimitedIn: 'Too many messages at once. Try again in {s} s.',
  errorTooLong: 'That message is too long.',
  errorForbidden: 'This chat is not available to you right now.',
  errorServer: 'The assistant is not available right now. Please try again.',
  errorInterrupted: 'The reply stopped before it finished.',
  errorGeneric: 'Something went wrong. Please try again.',
  offline: 'You are offline. Messages will be sent when you are back online.',
  retryingIn: 'Trying again in {s} s…',
  cancel: 'Cancel',
  jump: 'Jump to latest',
  copy: 'Copy',
  copied: 'Copied',
};

/** English, the built-in language. (Pure, so that a bundle without `en`, the panel's, carries no shell words.) */
export const en: Strings = /* @__PURE__ */ Object.assign({}, shellEn, panelEn);

/** The note under a message that did not finish (`failed`, `interrupted`, `stopped`: a word each); '' for the others. */
export const stateNote = (state: MessageState, strings: PanelStrings): string =>
  state === 'failed' || state === 'interrupted' || state === 'stopped' ? strings[state] : '';

/** A word with `{s}` (`retryingIn`, `errorRateLimitedIn`), filled with the seconds in `ms`, rounded up and never below 0. */
export const inSeconds = (word: string, ms: number): string => word.replace('{s}', String(Math.max(0, Math.ceil(ms / 1000))));
