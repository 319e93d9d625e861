import { contextValue } from './format-context.js';
import { MAGIC_FAULTS, type MagicFaultName } from './magic-faults.js';

/**
 * Picks the emulator's reply to a message, deterministically so tests can rely on it:
 * "markdown"/"demo" → a Markdown showcase, "long" → many paragraphs, "hello" → a greeting (by name
 * when the context has `name:`), "help" → what to try, "context" → the context the agent saw,
 * anything else → an echo.
 */
export function chooseReply(message: string, context: string | undefined): string {
  const text = message.trim();
  const lower = text.toLowerCase();
  if (/\b(markdown|demo)\b/.test(lower)) return MARKDOWN_REPLY;
  if (/\blong\b/.test(lower)) return LONG_REPLY;
  if (/^(hello|hi|hey)\b/.test(lower)) return greeting(contextValue(context, 'name'));
  if (/\bhelp\b/.test(lower)) return HELP_REPLY;
  if (/\bcontext\b/.test(lower)) return contextReply(context);
  return echo(text);
}

/** The reply to a `/fault …` message with nothing after the fault names: it explains what to watch. */
export function faultReply(names: readonly MagicFaultName[]): string {
  const what = names.map((name) => `\`${name}\``).join(', ');
  return (
    `This reply was sent with the fault ${what} switched on. ` +
    'It is long enough for a cut or an error to land in the middle of a sentence, ' +
    'so you can watch how the widget keeps the text that already arrived, marks the reply, ' +
    'and lets you carry on with the conversation as if nothing had happened.'
  );
}

const FRIENDLY_LINES = [
  "I'm the Agento emulator, so I only repeat what I hear. Ask for a **markdown demo**, a **long** answer, or **help**.",
  'Set `AGENTO_API_KEY` and `AGENTO_AGENT_ID` to talk to your real agent instead of me.',
  'Type `help` to see the magic words that make me misbehave on purpose.',
];

function echo(text: string): string {
  // Picking the friendly line by length keeps replies varied yet reproducible.
  const line = FRIENDLY_LINES[text.length % FRIENDLY_LINES.length];
  return `You said: “${text}”\n\n${line}`;
}

function greeting(name: string | undefined): string {
  return (
    `Hello${name ? `, ${name}` : ''}! 👋 I'm the Agento emulator, standing in for a real agent while you develop. ` +
    'Everything you see here streams over the same proxy your production site will use. How can I help?'
  );
}

function contextReply(context: string | undefined): string {
  if (!context) return 'Your backend sent me no context with this message.';
  return `Here is the context your backend sent with this message; the browser never saw it:\n\n\`\`\`\n${context}\n\`\`\``;
}

const HELP_REPLY = [
  "I'm the Agento emulator. Things to try:",
  '',
  '- **markdown** or **demo**: a reply with every kind of formatting',
  '- **long**: many paragraphs, to watch streaming and scrolling',
  '- **context**: what your backend told me about you',
  '',
  'Start a message with `/fault` and one or more of these words to make me misbehave on purpose:',
  '',
  ...Object.keys(MAGIC_FAULTS).map((name) => `- \`/fault ${name}\``),
  '',
  'For example `/fault cut long` or `/fault ping crlf hello`.',
].join('\n');

const MARKDOWN_REPLY = `## Everything a reply can show

Replies stream in token by token and are rendered as **Markdown**, safely: *italic*, **bold**, \`inline code\` and [links](https://agento.host).

### A list

- Streaming over server-sent events
- Conversations that survive a page reload
- Theming through \`--agento-*\` custom properties

### Steps, with a nested list

1. Run the proxy on your server
2. Put the widget on your page
   1. Load \`dist/agento-chat.js\`
   2. Add \`<agento-chat endpoint="/api/agento">\`
3. Say hello

### Code

\`\`\`ts
import { createChat } from 'agento-chat';

const chat = createChat({ endpoint: '/api/agento' });
await chat.send('Hello!');
console.log(chat.messages.value.at(-1)?.content);
\`\`\`

### A table

| Event | Meaning |
| --- | --- |
| \`text\` | one token of the reply |
| \`done\` | the reply is complete |
| \`error\` | the agent failed mid-reply |

> Your API key stays on your server: the browser only ever talks to the proxy.

Read more at [agento.host](https://agento.host).`;

const LONG_REPLY = [
  '## How a reply reaches you',
  'When you press send, the widget posts your message to the proxy on this site, never to Agento directly. The proxy knows who you are from a cookie, adds that identity and a little context, and forwards the message with an API key that never leaves the server.',
  'Agento answers with a stream of server-sent events. Each event carries one token of the reply, a word or a piece of one, and the proxy passes every event on the moment it arrives. Nothing is buffered, so the first words appear while the agent is still thinking about the last ones.',
  'In the browser, the widget parses the stream with a small, well-tested parser and appends tokens in batches, at most once per animation frame. That keeps the page smooth even when tokens arrive faster than the screen refreshes, and it means a long reply like this one costs no more to draw than a short one.',
  'The text is rendered as Markdown, but never as raw HTML. Links open safely, code blocks keep their formatting, and nothing the agent writes can run a script on your page. The styles live in the shadow root, so your page cannot break the widget and the widget cannot break your page.',
  'If the connection drops in the middle of a reply, the words that already arrived stay on screen and the reply is marked as interrupted. You can send another message right away: the conversation continues in the same session, and the history on the server is the source of truth when you reload.',
  'Sessions belong to one visitor. The token your browser keeps is signed by the proxy together with your identity, so a token copied from another browser is refused before any request reaches Agento. Starting a new conversation simply asks the proxy for a fresh token.',
  'Rate limits are handled politely. When Agento or the proxy asks the widget to slow down, it waits as long as the server said, shows a short note, and never resends a message whose reply had already started to stream.',
  'Everything you see here works offline: this reply comes from the built-in emulator, which speaks the same protocol as the real API, down to the rate-limit headers. Set two environment variables and the very same page talks to your real agent.',
  'That is the whole journey: a message goes out, a stream comes back, and the widget keeps you informed at every step. Thanks for reading all the way to the end!',
].join('\n\n');
