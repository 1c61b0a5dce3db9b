// trained-loader.js — loads the trained weights (web/assets/trained/: manifest.json and the
// 8-bit .atw files) once per page for the sentence scenes' "learned" switch, only when a learner
// turns it on (never in the first view). Bytes come from the single file's inlined copy
// (ATTENTION_LESSON_TRAINED, base64, set by scripts/build-dist.mjs) or from trained/ beside the
// lesson's script. trainedModels() is the synchronous read the scene models get; the maths is in
// trained-models.js and the learned side of the switch in learned-weights.js, both imported with
// the files (a chunk of their own, outside the first view). Not for drawing.
import { SCRIPT_URL } from '../embed/assets.js';

let loaded = null; // { models: model objects in manifest order, manifest, choose (learned-weights.js) }
let loading = null;
let failure = null; // the last loading error's message

/** The loaded models ({ models, manifest }), or null while they are not (yet) loaded. */
export function trainedModels() {
  return loaded;
}

/** Why loading failed (a sentence), or null. */
export function trainedModelsFailure() {
  return failure;
}

function fromPage(name) {
  const inlined = globalThis.ATTENTION_LESSON_TRAINED?.[name];
  if (inlined) return Promise.resolve(Uint8Array.from(atob(inlined), (c) => c.charCodeAt(0)));
  const url = new URL(`trained/${name}`, SCRIPT_URL);
  return fetch(url).then((r) => {
    if (!r.ok) throw new Error(`Could not load the trained weights (${url.pathname}): HTTP ${r.status}.`);
    return r.arrayBuffer();
  }).then((b) => new Uint8Array(b));
}

/**
 * Loads every trained model once. read(name) → Promise<Uint8Array> (default: the page's files).
 * Resolves to { models, manifest, choose }; a failure is kept for trainedModelsFailure() and may be retried.
 */
export function loadTrainedModels(read = fromPage) {
  loading ??= (async () => {
    const [{ prepareTrainedModel }, { chooseLearned }] = await Promise.all([import('./trained-models.js'), import('./learned-weights.js')]);
    const manifest = JSON.parse(new TextDecoder().decode(await read('manifest.json')));
    const models = [];
    for (const entry of manifest.models) models.push(prepareTrainedModel(entry, await read(entry.file)));
    loaded = Object.freeze({ models, manifest, choose: chooseLearned });
    failure = null;
    return loaded;
  })().catch((err) => {
    loading = null;
    failure = err.message;
    throw err;
  });
  return loading;
}
