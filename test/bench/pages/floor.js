// The floor: the least a renderer can do per token, appendData on one text node. No Markdown, no framework.
window.streamFloor = async (count) => {
  const text = document.createTextNode('');
  document.getElementById('out').replaceChildren(text);
  const response = await fetch('/bench/api/messages', { method: 'POST', body: JSON.stringify({ message: String(count) }) });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += value;
    const events = buffer.split('\n\n');
    buffer = events.pop();
    for (const event of events) {
      const data = JSON.parse(event.slice(6));
      if (data.type === 'text') text.appendData(data.content);
    }
  }
};
