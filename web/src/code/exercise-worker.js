// The exercise's Web Worker: a separate thread where the learner's code runs, so a slow or endless
// loop never freezes the page (the page terminates this worker when the time limit passes). On
// start it reports whether it may compile code at all (a strict CSP forbids it). Built as its own
// file (web/build/exercise-worker.js) by scripts/build-web.mjs.
import { canCompile, compileLearner, runTrials } from './exercise-sandbox.js';

const scope = globalThis;
scope.postMessage({ type: 'ready', canCompile: canCompile() });

scope.onmessage = (event) => {
  const { type, source, trials } = event.data ?? {};
  if (type !== 'run') return;
  const started = Date.now();
  const compiled = compileLearner(String(source ?? ''));
  if (compiled.error) {
    scope.postMessage({ type: 'error', message: compiled.error });
    return;
  }
  const result = runTrials(compiled.fn, trials);
  try {
    // An error from the learner's function travels as `message`, as every other error does.
    if (result.error) scope.postMessage({ type: 'error', message: result.error, trial: result.trial, ms: Date.now() - started });
    else scope.postMessage({ type: 'answers', answers: result.answers, ms: Date.now() - started });
  } catch {
    scope.postMessage({ type: 'error', message: 'What attention returned cannot be sent back to the page: return plain arrays of numbers.' });
  }
};
