// An app of its own that uses the npm package two ways:
// - `createChat()`, the UI-free core, behind a chat UI the app draws itself;
// - the `<agento-chat>` element, registered by importing `agento-chat/define`.
import { createChat } from 'agento-chat';
import 'agento-chat/define';

// `storage: null` keeps this chat's session in memory, apart from the element's conversation.
const chat = createChat({ endpoint: '/api/agento', storage: null });

const conversation = document.getElementById('conversation');
const status = document.getElementById('status');
const form = document.getElementById('ask');
const question = document.getElementById('question');

// Signals: redraw what changed. Text only (`textContent`), never HTML.
chat.messages.subscribe((messages) => {
  const items = messages.map((message) => {
    const item = document.createElement('li');
    item.dataset.role = message.role;
    item.dataset.state = message.state;
    item.textContent = message.content;
    return item;
  });
  conversation.replaceChildren(...items);
});
chat.status.subscribe((value) => {
  status.textContent = value;
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = question.value;
  question.value = '';
  void chat.send(text);
});
document.getElementById('stop').addEventListener('click', () => chat.stop());
