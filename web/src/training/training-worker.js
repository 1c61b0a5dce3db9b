// The Web Worker that trains off the main thread: loads the engine and the trainer module, then
// forwards every message to a training session (training-session.js). The page talks to it
// through runner.js. Not for the DOM.
import { createEngine } from '../../../wasm/engine.js';
import { createTrainingSession } from './training-session.js';

let session = null;
const queue = [];
const ready = (async () => {
  // the first message carries where the wasm files are ({ type: 'init', wasmBase })
  const init = await new Promise((resolve) => { self.onmessage = (e) => (e.data?.type === 'init' ? resolve(e.data) : queue.push(e.data)); });
  const engine = await createEngine({ training: true, wasmBase: init.wasmBase });
  session = createTrainingSession(engine, (m) => self.postMessage(m));
  self.onmessage = (e) => session.handle(e.data);
  self.postMessage({ type: 'ready', simd: engine.simd });
  for (const m of queue.splice(0)) session.handle(m);
})();
ready.catch((err) => self.postMessage({ type: 'error', message: `The trainer could not start: ${err.message}`, fatal: true }));
