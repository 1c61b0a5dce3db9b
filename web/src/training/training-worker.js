// The Web Worker that trains off the main thread: fetches the engine's and the trainer's wasm
// from the URLs the page sends (hashed names in dist/), then forwards every message to a training
// session (training-session.js). The page talks to it through runner.js. Not for the DOM.
import { createEngine, simdSupported } from '../../../wasm/engine.js';
import { createTrainingSession } from './training-session.js';
import { fetchBytes, trainerBytes } from './runner.js';

let session = null;
const queue = [];
const ready = (async () => {
  // the first message says where the wasm files are ({ type: 'init', wasmUrls })
  const init = await new Promise((resolve) => { self.onmessage = (e) => (e.data?.type === 'init' ? resolve(e.data) : queue.push(e.data)); });
  const kind = simdSupported() ? 'simd' : 'scalar';
  const wasmBinary = { [kind]: await fetchBytes(init.wasmUrls[kind], 'the attention engine') };
  const engine = await createEngine({ simd: kind === 'simd', wasmBinary });
  await engine.loadTraining(await trainerBytes(kind, init.wasmUrls));
  session = createTrainingSession(engine, (m) => self.postMessage(m));
  // a ping (runner.js, when a new scene takes this worker over) is answered after everything sent
  // before it, so the page can tell the new run's messages from the last one's
  self.onmessage = (e) => (e.data?.type === 'ping' ? self.postMessage({ type: 'pong', id: e.data.id }) : session.handle(e.data));
  // what this worker is doing, for tests and the browser's devtools (read-only)
  self.trainingStatus = () => session.status();
  self.postMessage({ type: 'ready', simd: engine.simd });
  for (const m of queue.splice(0)) session.handle(m);
})();
ready.catch((err) => self.postMessage({ type: 'error', message: `The trainer could not start: ${err.message}`, fatal: true }));
