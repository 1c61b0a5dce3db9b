// The small language model for the steps that show it (23, 24): fetched only when such a step
// opens, never in the first view. Reads the weights file and its manifest (inlined by the
// single-file build as ATTENTION_LESSON_LM, else fetched beside the page script), loads the
// language model's own wasm module (engine.loadLanguageModule; not the trainer's), and opens the
// model through engine.loadLanguageModel.
// One load per engine, shared by both steps. A failure rejects with a sentence a learner can
// read; a later call tries again. Not for drawing, not for maths.
import { ASSETS, SCRIPT_URL, assetUrl } from '../embed/assets.js';
import { fetchBytes } from '../training/runner.js';

const loads = new WeakMap(); // engine → Promise<{ lm, manifest, bytes }>

function decodeBase64(text) {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

async function fetchAsset(key, fallback, kind) {
  const url = new URL(ASSETS[key] ?? fallback, SCRIPT_URL);
  let response;
  try {
    response = await fetch(url);
  } catch {
    // (the browser says only "Failed to fetch": offline, blocked, or the file is not there)
    throw new Error(`The language model's ${kind} could not be downloaded (${url.pathname.split('/').pop()}): the network request failed. The connection may be down, or the site that serves the lesson may not let this page read its files. Check the connection and reload the page.`);
  }
  if (!response.ok) throw new Error(`The language model's ${kind} could not be downloaded (${url.pathname}): HTTP ${response.status}.`);
  return kind === 'manifest' ? response.json() : new Uint8Array(await response.arrayBuffer());
}

async function readFiles() {
  const inlined = globalThis.ATTENTION_LESSON_LM;
  if (inlined?.model && inlined?.manifest) return { bytes: decodeBase64(inlined.model), manifest: inlined.manifest };
  const [bytes, manifest] = await Promise.all([
    fetchAsset('lmWeights', 'lm/model.bin', 'weights file'),
    fetchAsset('lmManifest', 'lm/manifest.json', 'manifest'),
  ]);
  return { bytes, manifest };
}

async function open(engine) {
  const { bytes, manifest } = await readFiles();
  // the language model's module holds its code: inlined in the single file (found by
  // wasm/language-model.js itself), else fetched by its built (possibly hashed) name
  const kind = engine.simd ? 'simd' : 'scalar';
  const given = globalThis.ATTENTION_LESSON_WASM?.[`lm-${kind}`]
    ? {} : { lmWasmBinary: { [kind]: await fetchBytes(assetUrl(kind === 'simd' ? 'lmSimd' : 'lmScalar'), 'the language model\'s code') } };
  await engine.loadLanguageModule(given);
  const lm = engine.loadLanguageModel(bytes);
  return { lm, manifest, bytes: bytes.length };
}

/**
 * The page's language model for this engine: a promise of { lm, manifest, bytes } (bytes: the
 * weights file's size). `load` replaces the file reading in tests.
 */
export function lessonLanguageModel(engine, load = open) {
  if (!loads.has(engine)) {
    const p = load(engine).catch((err) => {
      loads.delete(engine);
      throw new Error(`The language model could not be loaded, so this step cannot show it. ${err.message}`);
    });
    loads.set(engine, p);
  }
  return loads.get(engine);
}
