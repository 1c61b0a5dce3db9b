// Runs a training session for a scene: in a Web Worker when one can start (so the page stays
// responsive), otherwise on the main thread in time slices (the single offline file, a strict
// CSP without worker-src, or no Worker at all) — the scene works the same either way and can say
// which it uses. The protocol is training-session.js's; this file only carries messages and
// fetches the trainer's wasm for the fallback.
import { createTrainingSession } from './training-session.js';
import { wasmBytes } from '../../../wasm/engine.js';

/**
 * options: { engine (for the fallback), workerUrl (the bundled training-worker.js, or null),
 * wasmUrls: { simd, scalar, 'train-simd', 'train-scalar' } (absolute URLs), onMessage(msg) }.
 * Returns { send(msg), mode: 'worker' | 'main-thread', dispose() }.
 */
export async function createTrainingRunner({ engine, workerUrl = null, wasmUrls, onMessage, startTimeoutMs = 4000 }) {
  if (workerUrl && typeof Worker === 'function') {
    const worker = await startWorker(workerUrl, wasmUrls, onMessage, startTimeoutMs).catch(() => null);
    if (worker) {
      return { mode: 'worker', send: (m) => worker.postMessage(m), dispose: () => { worker.postMessage({ type: 'dispose' }); worker.terminate(); } };
    }
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

// Resolves with the worker once it says 'ready'; rejects if it cannot start (CSP, file://,
// a load error) or stays silent for timeoutMs.
function startWorker(url, wasmUrls, onMessage, timeoutMs) {
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
        worker.onmessage = (ev) => onMessage(ev.data);
        worker.onerror = (ev) => onMessage({ type: 'error', message: ev.message || 'The training worker stopped.', fatal: true });
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
