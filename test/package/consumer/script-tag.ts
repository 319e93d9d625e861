// The script-tag entry alone (`import 'agento-chat/agento-chat.js'`) types `<agento-chat>` too.
import 'agento-chat/agento-chat.js';

const element = document.createElement('agento-chat');
element.toggle();
element.addEventListener('agento-open', () => element.send('Hello'));
