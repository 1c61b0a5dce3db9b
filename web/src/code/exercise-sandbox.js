// Compiles and calls the learner's attention(x, wq, wk, wv, causal). Runs inside the exercise's
// Web Worker (exercise-worker.js), never on the page's thread, and in Node for the tests. What it
// sends back is plain data (arrays of numbers, error sentences) so it can cross postMessage.

/** Can this context turn text into code? (A Content-Security-Policy without 'unsafe-eval' says no.) */
export function canCompile() {
  try {
    return new Function('return 1')() === 1; // eslint-disable-line no-new-func
  } catch {
    return false;
  }
}

/** → { fn } or { error: sentence }. The source must define a function named attention. */
export function compileLearner(source) {
  let factory;
  try {
    // eslint-disable-next-line no-new-func
    factory = new Function(`"use strict";\n${source}\n;return typeof attention === 'function' ? attention : undefined;`);
  } catch (err) {
    if (err instanceof SyntaxError) return { error: `Your code does not parse: ${err.message}.` };
    return { error: `Your code could not be compiled here: ${err.message}.` };
  }
  let fn;
  try {
    fn = factory();
  } catch (err) {
    return { error: `Your code threw while being defined: ${messageOf(err)}.` };
  }
  if (typeof fn !== 'function') return { error: 'No function named attention was found: define function attention(x, wq, wk, wv, causal) { … }.' };
  return { fn };
}

// A deep copy of the inputs, so one call cannot change what the next one receives.
const copy = (rows) => rows.map((r) => r.slice());

// Plain, cloneable data from whatever the learner returned (typed arrays become arrays).
function plain(value, depth = 0) {
  if (depth > 3) return null;
  if (ArrayBuffer.isView(value)) return Array.from(value);
  if (Array.isArray(value)) return value.map((v) => plain(v, depth + 1));
  if (value && typeof value === 'object') {
    const out = {};
    if ('output' in value) out.output = plain(value.output, depth + 1);
    if ('weights' in value) out.weights = plain(value.weights, depth + 1);
    return out;
  }
  return typeof value === 'number' || value === undefined || value === null ? value : String(value);
}

function messageOf(err) {
  if (err && typeof err === 'object' && 'message' in err) return `${err.name ?? 'Error'}: ${err.message}`;
  return String(err);
}

/** Calls fn on every trial → { answers } or { error, trial }. */
export function runTrials(fn, trials) {
  const answers = [];
  for (const [i, t] of trials.entries()) {
    try {
      answers.push(plain(fn(copy(t.x), copy(t.wq), copy(t.wk), copy(t.wv), t.causal)));
    } catch (err) {
      return { error: `attention threw on the input with n = ${t.n}, d = ${t.d}, causal = ${t.causal}: ${messageOf(err)}.`, trial: i };
    }
  }
  return { answers };
}
