// lrs.js — sends the quiz's xAPI statements to a Learning Record Store the embedding author
// configured (attribute lrs-endpoint / URL parameter, with an optional lrs-auth header value):
// POST <endpoint>/statements with X-Experience-API-Version 1.0.3, one statement at a time, in order.
// A statement that fails stays queued and is sent again with the next one (or by flush()); every
// failure is told in words once. Nothing is sent when no endpoint is configured. The page's CSP
// must allow the LRS in connect-src. Not for building statements (quiz/events.js).

/** True for an https endpoint, or http on this machine (a local LRS for testing). */
export function isValidEndpoint(text) {
  if (typeof text !== 'string' || !text) return false;
  try {
    const u = new URL(text);
    if (u.username || u.password || u.search || u.hash) return false;
    return u.protocol === 'https:' || (u.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname));
  } catch {
    return false;
  }
}

/**
 * createLrsSender({ endpoint, auth, fetch, onProblem }) → { send(statement), flush(), queued }
 * send and flush return a promise of true when everything queued has been stored by the LRS.
 */
export function createLrsSender({ endpoint, auth = null, fetch = globalThis.fetch, onProblem = () => {} }) {
  const url = `${endpoint.replace(/\/+$/, '')}/statements`;
  const queue = [];
  let running = null;
  let lastProblem = null;
  const tell = (text) => {
    if (text === lastProblem) return;
    lastProblem = text;
    try { onProblem(text); } catch { /* ignore */ }
  };

  async function drain() {
    while (queue.length) {
      let res;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3', ...(auth ? { Authorization: auth } : {}) },
          body: JSON.stringify(queue[0]),
        });
      } catch (err) {
        tell(`Results could not reach the learning record store at ${endpoint} (${err && err.message ? err.message : 'no connection'}); they will be sent again with the next answer.`);
        return false;
      }
      if (!res.ok) {
        const kept = res.status >= 500 || res.status === 429;
        tell(`The learning record store at ${endpoint} refused a result (HTTP ${res.status}${res.status === 401 || res.status === 403 ? ': check lrs-auth' : ''})${kept ? '; it will be sent again with the next answer' : ' and it was dropped'}.`);
        if (kept) return false;
      }
      queue.shift();
    }
    lastProblem = null;
    return true;
  }

  function flush() {
    running = (running ?? Promise.resolve(true)).then(drain, drain);
    return running;
  }

  return {
    send(statement) { queue.push(statement); return flush(); },
    flush,
    get queued() { return queue.length; },
  };
}

/** Sends every statement a quiz reports to the LRS; returns the sender (or null without one). */
export function connectLrs(quiz, lrs, { fetch, onProblem } = {}) {
  if (!quiz || !lrs) return null;
  const sender = createLrsSender({ ...lrs, fetch, onProblem });
  quiz.on('answered', ({ statement }) => { sender.send(statement); });
  quiz.on('completed', (statement) => { sender.send(statement); });
  return sender;
}
