// The local chat page: sends commands to /api/chat and renders the answer cards with the Adaptive Cards SDK.
/* global AdaptiveCards */
const log = document.getElementById('log');
const form = document.getElementById('composer');
const input = document.getElementById('text');

function addUserMessage(text) {
  const div = document.createElement('div');
  div.className = 'message user';
  div.textContent = text;
  log.appendChild(div);
}

function renderCard(cardJson) {
  const card = new AdaptiveCards.AdaptiveCard();
  card.onExecuteAction = (action) => {
    const command = action.data?.command;
    if (command) send(command);
  };
  card.parse(cardJson);
  const element = card.render();
  const wrapper = document.createElement('div');
  wrapper.className = 'card';
  wrapper.appendChild(element);
  return wrapper;
}

async function send(text) {
  addUserMessage(text);
  const reply = document.createElement('div');
  reply.className = 'message bot pending';
  reply.textContent = 'socbot is working…';
  log.appendChild(reply);
  log.scrollTop = log.scrollHeight;
  try {
    const response = await fetch('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
    });
    const body = await response.json();
    reply.textContent = '';
    reply.classList.remove('pending');
    if (!response.ok) throw new Error(body.error || response.statusText);
    for (const card of body.cards) reply.appendChild(renderCard(card));
  } catch (error) {
    reply.classList.remove('pending');
    reply.textContent = `Could not reach socbot: ${error.message}`;
  }
  log.scrollTop = log.scrollHeight;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text) return;
  input.value = '';
  send(text);
});

input.focus();
send('help');
