// Runs the learner's code in a fresh Web Worker with a time limit, from the page's side: starts
// the worker, waits for it to say it is ready, posts the source and the trials, and terminates it
// when it answers or when the time is up. Resolves (never rejects) with what happened:
//   { kind: 'answers', answers, ms } | { kind: 'error', message } | { kind: 'timeout', limitMs }
//   | { kind: 'no-compile' } (CSP forbids it) | { kind: 'unavailable', message } (no worker here)

import { urlForbidsEval } from './csp.js';

export const TIME_LIMIT_MS = 2000;
const START_LIMIT_MS = 10000; // loading the worker file itself

function sameOriginHttp(url) {
  try {
    const u = new URL(url, globalThis.location?.href);
    return /^https?:$/.test(u.protocol) && (!globalThis.location || u.origin === globalThis.location.origin);
  } catch {
    return false;
  }
}

function startWorker(url, makeWorker) {
  if (!sameOriginHttp(url)) return { error: new Error('not a same-origin http(s) script') };
  try {
    return { worker: makeWorker(url) };
  } catch (err) {
    return { error: err };
  }
}

/** Waits for the worker's first message ('ready'). */
function whenReady(worker) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ ok: false, message: 'The code runner did not start in time.' }), START_LIMIT_MS);
    worker.onmessage = (e) => { clearTimeout(timer); resolve({ ok: true, canCompile: Boolean(e.data?.canCompile) }); };
    worker.onerror = (e) => {
      clearTimeout(timer);
      e.preventDefault?.();
      resolve({ ok: false, message: 'The code runner could not be started on this page.' });
    };
  });
}

/**
 * Does a worker here accept code? → 'yes' | 'no-compile' | 'unavailable'. Reads the worker file's
 * Content-Security-Policy first; only when that cannot tell does it start the worker and ask.
 */
export async function probeRunner(url, makeWorker = (u) => new Worker(u), fetchFn = globalThis.fetch) {
  // A worker needs a same-origin http(s) script: not from file:// (the single file, SCORM packages
  // opened from disk) and not from another site (the element embedded elsewhere).
  if (!sameOriginHttp(url)) return 'unavailable';
  if (await urlForbidsEval(url, fetchFn)) return 'no-compile';
  const { worker, error } = startWorker(url, makeWorker);
  if (error) return 'unavailable';
  const ready = await whenReady(worker);
  worker.terminate();
  if (!ready.ok) return 'unavailable';
  return ready.canCompile ? 'yes' : 'no-compile';
}

export async function runLearnerCode({ url, source, trials, timeLimitMs = TIME_LIMIT_MS, makeWorker = (u) => new Worker(u) }) {
  const { worker, error } = startWorker(url, makeWorker);
  if (error) return { kind: 'unavailable', message: 'This page cannot start a separate thread for your code.' };
  const ready = await whenReady(worker);
  if (!ready.ok) { worker.terminate(); return { kind: 'unavailable', message: ready.message }; }
  if (!ready.canCompile) { worker.terminate(); return { kind: 'no-compile' }; }
  return new Promise((resolve) => {
    const done = (value) => { clearTimeout(timer); worker.terminate(); resolve(value); };
    const timer = setTimeout(() => done({ kind: 'timeout', limitMs: timeLimitMs }), timeLimitMs);
    worker.onmessage = (e) => {
      const m = e.data ?? {};
      if (m.type === 'answers') done({ kind: 'answers', answers: m.answers, ms: m.ms });
      else if (m.type === 'error') done({ kind: 'error', message: m.message });
    };
    worker.onerror = (e) => {
      e.preventDefault?.();
      done({ kind: 'error', message: `Your code stopped with an error: ${e.message || 'unknown error'}.` });
    };
    worker.postMessage({ type: 'run', source, trials });
  });
}
