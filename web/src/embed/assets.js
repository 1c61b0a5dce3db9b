// Where the lesson's built files are, and one shared engine per page. Every embedding (the
// standalone page, the <attention-lesson> element, the iframe page, the single-file build) starts
// its engine here. The build injects the file names as __ATTENTION_LESSON_ASSETS__ (content-hashed
// in dist/), relative to the folder of the running script; the defaults match web/build/.
import { createEngine, simdSupported } from '../../../wasm/engine.js';

/* global __ATTENTION_LESSON_ASSETS__ */
const DEFAULTS = {
  simd: 'dist/attention-simd.wasm',
  scalar: 'dist/attention-scalar.wasm',
  elementCss: 'attention-lesson.css',
  katexCss: 'katex/katex.min.css',
  katexFonts: 'katex/katex-fonts.css',
  codeEditor: 'code-editor.js',
  exerciseWorker: 'exercise-worker.js',
  trainingWorker: 'training-worker.js',
  trainSimd: 'dist/attention-train-simd.wasm',
  trainScalar: 'dist/attention-train-scalar.wasm',
  lmWeights: 'lm/model.bin',
  lmManifest: 'lm/manifest.json',
  lmSimd: 'dist/attention-lm-simd.wasm',
  lmScalar: 'dist/attention-lm-scalar.wasm',
};
export const ASSETS = typeof __ATTENTION_LESSON_ASSETS__ === 'object' ? __ATTENTION_LESSON_ASSETS__ : DEFAULTS;

// The URL of the script that is running, read once while it is being evaluated: import.meta.url
// in an ES module; document.currentScript for a classic script (esbuild leaves import.meta empty
// there); the page itself for an inlined script.
function ownUrl() {
  const meta = import.meta.url;
  if (meta) return meta;
  const doc = globalThis.document;
  const script = doc?.currentScript;
  if (script?.src) return script.src;
  // Loaded some other way (e.g. as a module by mistake): look for the element script by name.
  const named = doc?.querySelector?.('script[src*="attention-lesson"]');
  if (named?.src && /attention-lesson(\.[0-9a-f]+)?\.js(\?|#|$)/.test(named.src)) return named.src;
  return doc?.baseURI ?? globalThis.location?.href;
}
export const SCRIPT_URL = ownUrl();

/** Absolute URL of a built file (a key of ASSETS) next to the running script. */
export function assetUrl(key, base = SCRIPT_URL) {
  return new URL(ASSETS[key], base).href;
}

let shared = null;

/**
 * The page's one engine (a promise). Uses the inlined wasm of the single-file build when present,
 * else fetches the one build this browser runs (SIMD when supported), by its built name.
 */
export function sharedEngine(base = SCRIPT_URL) {
  shared ??= startEngine(base).catch((err) => {
    shared = null; // let a later mount try again
    throw err;
  });
  return shared;
}

async function startEngine(base) {
  if (globalThis.ATTENTION_LESSON_WASM) return createEngine();
  const kind = simdSupported() ? 'simd' : 'scalar';
  const url = new URL(ASSETS[kind], base);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load the attention engine (${url.pathname}): HTTP ${response.status}.`);
  return createEngine({ simd: kind === 'simd', wasmBinary: { [kind]: new Uint8Array(await response.arrayBuffer()) } });
}
