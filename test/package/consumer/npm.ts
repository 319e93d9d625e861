// What an npm consumer writes, type-checked against the built package (dist/types) by test/package/types.test.ts.
// Each line compiles only if the entry point's types promise what the README says.
import { createChat, type Chat, type ChatMessage } from 'agento-chat/core';
import { AgentoMessageEvent } from 'agento-chat';
import { defineAgentoChat } from 'agento-chat/define';
import { createAgentoProxy } from 'agento-chat/proxy';

// `agento-chat/define` registers the tag's type: the element's own methods and events, no cast.
const element = document.createElement('agento-chat');
element.open();
element.addEventListener('agento-message', (event) => {
  const message: ChatMessage = event.detail.message;
  console.log(message.content, event instanceof AgentoMessageEvent);
});

const chat: Chat = createChat({ endpoint: '/api/agento' });
void chat.send('Hello');
defineAgentoChat('my-chat');
export const handler: (request: Request) => Promise<Response> = createAgentoProxy({
  apiKey: 'ak_x',
  agentId: 'agent_x',
  secret: 'a'.repeat(32),
  identify: () => ({ peerId: 'visitor_1' }),
});
