// Runs a training session for a scene: in a Web Worker when one can start (so the page stays
// responsive), otherwise on the main thread in time slices (the single offline file, a strict
// CSP without worker-src, or no Worker at all) — the scene works the same either way and can say
// which it uses. The protocol is training-session.js's; this file only carries messages and
// fetches the trainer's wasm for the fallback.
// One worker serves every visit: when a scene is left, the worker drops its run and waits (for
// IDLE_MS) for the next training scene, which then starts at once instead of fetching and
// compiling the engine and the trainer again.
import { createTrainingSession } from './training-session.js';
import { wasmBytes } from '../../../wasm/engine.js';

/**
 * options: { engine (for the fallback), workerUrl (the bundled training-worker.js, or null),
 * wasmUrls: { simd, scalar, 'train-simd', 'train-scalar' } (absolute URLs), onMessage(msg) }.
 * Returns { send(msg), mode: 'worker' | 'main-thread', dispose() }.
 */
export async function createTrainingRunner({ engine, workerUrl = null, wasmUrls, onMessage, startTimeoutMs = 4000 }) {
  if (workerUrl && typeof Worker === 'function') {
    const runner = await claimWorker(workerUrl, wasmUrls, onMessage, startTimeoutMs);
    if (runner) return runner;
  }
  await engine.loadTraining(await trainerBytes(engine.simd ? 'simd' : 'scalar', wasmUrls));
  const frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame : (fn) => setTimeout(fn, 16);
  const session = createTrainingSession(engine, (m) => onMessage(m), { schedule: frame });
  return { mode: 'main-thread', send: (m) => session.handle(m), dispose: () => session.handle({ type: 'dispose' }) };
}

/**
 * The loadTraining options for one build: nothing when the page carries the trainer inlined
 * (the single offline file), else its bytes fetched from wasmUrls (the names may be hashed).
 */
export async function trainerBytes(kind, wasmUrls) {
  if (globalThis.ATTENTION_LESSON_WASM?.[`train-${kind}`] || !wasmUrls) return {};
  return { trainWasmBinary: { [kind]: await fetchBytes(wasmUrls[`train-${kind}`], 'the trainer') } };
}

// (through the engine's one byte loader, whose messages say what failed in words)
export async function fetchBytes(url, what) {
  return new Uint8Array(await wasmBytes({ file: url, what }));
}

export const IDLE_MS = 60_000;
// The page's one training worker: { key (its URLs), started (resolves with the worker once
// ready), owner (the runner talking to it, or null while parked), timer (ends a parked worker) }.
let shared = null;
const keyOf = (workerUrl, wasmUrls) => JSON.stringify([String(workerUrl), wasmUrls ?? null]);

// A runner on the shared worker (started now, or still starting for a scene left meanwhile),
// or null when no worker can start. The newest claim owns the worker: a runner whose scene was
// replaced before the worker was ready sends nothing. Messages of an earlier run still on their
// way are dropped: the worker answers a ping only after everything it sent before it.
async function claimWorker(workerUrl, wasmUrls, onMessage, timeoutMs) {
  const key = keyOf(workerUrl, wasmUrls);
  if (shared?.key !== key) {
    if (shared) closeIdleWorker(true);
    const entry = { key, started: null, owner: null, timer: 0 };
    const forget = () => { if (shared === entry) shared = null; };
    // (a worker that fails later, even while parked, is never handed out again)
    entry.started = startWorker(workerUrl, wasmUrls, timeoutMs)
      .then((w) => { w.addEventListener('error', forget); return w; }, () => { forget(); return null; });
    shared = entry;
  }
  const entry = shared;
  const me = {};
  entry.owner = me;
  clearTimeout(entry.timer);
  const worker = await entry.started;
  if (!worker) return null;
  const mine = () => shared === entry && entry.owner === me;
  if (mine()) {
    const ping = Math.random();
    let caughtUp = false;
    worker.onmessage = (ev) => {
      if (caughtUp) onMessage(ev.data);
      else if (ev.data?.type === 'pong' && ev.data.id === ping) caughtUp = true;
    };
    worker.onerror = (ev) => {
      onMessage({ type: 'error', message: ev.message || 'The training worker stopped.', fatal: true });
    };
    worker.postMessage({ type: 'ping', id: ping });
  }
  return {
    mode: 'worker',
    send: (m) => { if (mine()) worker.postMessage(m); },
    // the scene is gone: its run ends and the worker waits for the next training scene
    dispose: () => {
      if (!mine()) return;
      worker.postMessage({ type: 'dispose' });
      worker.onmessage = worker.onerror = null;
      entry.owner = null;
      entry.timer = setTimeout(() => { if (shared === entry && !entry.owner) closeIdleWorker(); }, IDLE_MS);
    },
  };
}

/** Ends the page's training worker now if no scene uses it (or, with force, in any case). */
export function closeIdleWorker(force = false) {
  const entry = shared;
  if (!entry || (entry.owner && !force)) return;
  shared = null;
  clearTimeout(entry.timer);
  entry.started.then((w) => w?.terminate());
}

// Resolves with the worker once it says 'ready'; rejects if it cannot start (CSP, file://,
// a load error) or stays silent for timeoutMs.
function startWorker(url, wasmUrls, timeoutMs) {
  return new Promise((resolve, reject) => {
    let worker;
    try {
      worker = new Worker(url, { type: 'module' });
    } catch (err) {
      reject(err);
      return;
    }
    const timer = setTimeout(() => { worker.terminate(); reject(new Error('The training worker did not start.')); }, timeoutMs);
    worker.onerror = (e) => { clearTimeout(timer); worker.terminate(); reject(new Error(e.message || 'The training worker failed to load.')); };
    worker.onmessage = (e) => {
      if (e.data?.type === 'ready') {
        clearTimeout(timer);
        worker.onmessage = worker.onerror = null;
        resolve(worker);
      } else if (e.data?.type === 'error' && e.data.fatal) {
        clearTimeout(timer);
        worker.terminate();
        reject(new Error(e.data.message));
      }
    };
    worker.postMessage({ type: 'init', wasmUrls });
  });
}
