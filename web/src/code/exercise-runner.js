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

// The worker's own code, inlined by the single-file build (the single file and the SCORM
// packages: scripts/build-dist.mjs sets globalThis.ATTENTION_LESSON_WORKERS.exercise), where no
// worker file sits next to the page. It starts from a blob: URL, which Chromium allows on a
// file:// page too; the worker then runs under the page's own security policy.
export function inlinedWorkerSource() {
  const source = globalThis.ATTENTION_LESSON_WORKERS?.exercise;
  return typeof source === 'string' && source.length > 0 ? source : null;
}

/** → { worker, stop() } or { error }. The inlined code when there is some, else the file at `url`. */
function startWorker(url, makeWorker) {
  const inline = inlinedWorkerSource();
  if (!inline && !sameOriginHttp(url)) return { error: new Error('not a same-origin http(s) script') };
  let blobUrl = null;
  try {
    if (inline) blobUrl = URL.createObjectURL(new Blob([inline], { type: 'text/javascript' }));
    const worker = makeWorker(blobUrl ?? url);
    return { worker, stop() { worker.terminate(); if (blobUrl) URL.revokeObjectURL(blobUrl); } };
  } catch (err) {
    if (blobUrl) URL.revokeObjectURL(blobUrl);
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
  // A worker file needs a same-origin http(s) address: not file:// and not another site (the
  // element embedded elsewhere). The single file and the SCORM pages carry the worker inline.
  if (!inlinedWorkerSource()) {
    if (!sameOriginHttp(url)) return 'unavailable';
    if (await urlForbidsEval(url, fetchFn)) return 'no-compile';
  }
  const { worker, stop, error } = startWorker(url, makeWorker);
  if (error) return 'unavailable';
  const ready = await whenReady(worker);
  stop();
  if (!ready.ok) return 'unavailable';
  return ready.canCompile ? 'yes' : 'no-compile';
}

export async function runLearnerCode({ url, source, trials, timeLimitMs = TIME_LIMIT_MS, makeWorker = (u) => new Worker(u) }) {
  const { worker, stop, error } = startWorker(url, makeWorker);
  if (error) return { kind: 'unavailable', message: 'This page cannot start a separate thread for your code.' };
  const ready = await whenReady(worker);
  if (!ready.ok) { stop(); return { kind: 'unavailable', message: ready.message }; }
  if (!ready.canCompile) { stop(); return { kind: 'no-compile' }; }
  return new Promise((resolve) => {
    const done = (value) => { clearTimeout(timer); stop(); resolve(value); };
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
