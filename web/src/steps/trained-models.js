// trained-models.js — the weights our own trainer learned (`npm run train:tasks`,
// web/assets/trained/) for the sentence scenes' "learned / random" switch (steps 10 and 13), run by
// the attention engine alone: token + position embeddings, then per layer one engine.attention call
// with the learned W_Q, W_K, W_V and W_O, and the residual stream x + attention(x) into the next
// layer, then the read-out. So every stage a scene shows comes from the learned matrices, and the
// page needs no trainer module. Pure functions of (manifest, weights, sentence, engine); loading
// the files is trained-loader.js's job. tests/js/trained-models.test.js checks that these weights
// equal the trainer's own attend() and predict().
import { decodeWeights } from '../../../wasm/trained-weights.js';

/**
 * One manifest entry (scripts/train-tasks.mjs) and its decoded file → a model object:
 * { task, title, file, vocabulary, readout, labels, maxTokens, probe, layers, heads, dModel, dK,
 *   steps, seed, heldOutAccuracy, wte, wpe, layer: [{ wq, wk, wv, wo }], wOut, bOut }.
 * Throws (in words) when the file and the manifest disagree.
 */
export function prepareTrainedModel(entry, bytes) {
  const flat = decodeWeights(bytes);
  const tensor = (name) => {
    const t = entry.tensors?.[name];
    if (!t) throw new Error(`The trained model ${entry.file} has no tensor "${name}" in its manifest; rerun npm run train:tasks.`);
    if (t.offset + t.rows * t.cols > flat.length) throw new Error(`The trained model ${entry.file} is shorter than its manifest says (tensor "${name}").`);
    return flat.subarray(t.offset, t.offset + t.rows * t.cols);
  };
  const layer = Array.from({ length: entry.layers }, (_, l) => ({
    wq: tensor(`layer${l + 1}.wq`), wk: tensor(`layer${l + 1}.wk`), wv: tensor(`layer${l + 1}.wv`), wo: tensor(`layer${l + 1}.wo`),
  }));
  return Object.freeze({
    task: entry.task, title: entry.title, file: entry.file, vocabulary: entry.vocabulary, readout: entry.readout,
    labels: entry.labels, maxTokens: entry.maxTokens, probe: entry.probe, layers: entry.layers, heads: entry.heads,
    dModel: entry.dModel, dK: entry.dModel / entry.heads, steps: entry.steps, seed: entry.seed,
    heldOutAccuracy: entry.heldOutAccuracy,
    wte: tensor('token_embedding'), wpe: tensor('positions'), layer, wOut: tensor('readout.w'), bOut: tensor('readout.b'),
  });
}

/** A token as the trainer reads it: lower case, curly apostrophe straight (wasm/training.js tokenize). */
export const trainerWord = (token) => token.toLowerCase().replace(/[\u2018\u2019]/g, "'");
const isWord = (token) => /[\p{L}\p{N}]/u.test(token);

/**
 * How a trained model reads a scene's tokens: punctuation is left out (the tasks have none); every
 * other token must be in the model's vocabulary. → { words, ids, dropped (punctuation tokens),
 * unknown (words it never saw, first spelling of each), tooLong (more words than it reads) }.
 */
export function readForModel(model, tokens) {
  const kept = tokens.filter(isWord);
  const words = kept.map(trainerWord);
  const unknown = [...new Set(kept.filter((t, i) => !model.vocabulary.includes(words[i])))];
  return {
    words, ids: words.map((w) => model.vocabulary.indexOf(w)), dropped: tokens.filter((t) => !isWord(t)),
    unknown, tooLong: words.length > model.maxTokens,
  };
}

/**
 * Runs a trained model on word ids with the engine. Returns { layers: [engine.attention result per
 * layer], readout (the row the model answers from, or −1), prediction: { label, probability,
 * probabilities: [{ label, p }] } | null }.
 * mask: 'none' (as trained) or 'causal'.
 */
export function runTrainedModel(model, ids, engine, { mask = 'none' } = {}) {
  const n = ids.length, d = model.dModel;
  // the residual stream, row-major (n, d): token embedding + position
  let x = new Float32Array(n * d);
  ids.forEach((id, i) => {
    for (let j = 0; j < d; j++) x[i * d + j] = model.wte[id * d + j] + model.wpe[i * d + j];
  });
  const layers = [];
  for (const w of model.layer) {
    const r = engine.attention({ x, n, dModel: d, heads: model.heads, dK: model.dK, dV: model.dK, wq: w.wq, wk: w.wk, wv: w.wv, wo: w.wo, mask });
    layers.push(r);
    // the residual connection: the next layer (and the read-out) reads x + attention(x)
    x = x.map((v, i) => v + r.output[i]);
  }
  const readout = readoutRow(model, ids);
  return { layers, readout, prediction: readout >= 0 ? predict(model, x.subarray(readout * d, readout * d + d), engine) : null };
}

// The row the model reads its answer from: its read-out word, or the last token.
function readoutRow(model, ids) {
  if (model.readout.last) return ids.length - 1;
  return ids.indexOf(model.vocabulary.indexOf(model.readout.word));
}

// The read-out layer on one row of the residual stream: logits = row · W_out + b, then softmax.
function predict(model, row, engine) {
  const classes = model.bOut.length;
  const logits = engine.matmul(row, model.wOut, 1, model.dModel, classes).map((v, c) => v + model.bOut[c]);
  const p = engine.softmax(logits, 1, classes);
  const names = Array.isArray(model.labels) ? model.labels : model.labels.nouns;
  const probabilities = Array.from(p, (v, c) => ({ label: names[c], p: v }));
  const best = probabilities.reduce((a, b) => (b.p > a.p ? b : a));
  return { label: best.label, probability: best.p, probabilities };
}

/** Which of the models knows every word of the tokens (for the "switch to …" hint). */
export function modelsThatRead(models, tokens) {
  return models.filter((m) => { const r = readForModel(m, tokens); return !r.unknown.length && !r.tooLong && r.words.length > 0; });
}
