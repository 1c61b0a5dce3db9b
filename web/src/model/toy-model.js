// The toy model behind the sentence scenes: splits a learner's sentence into tokens (with limits
// and messages in words), gives every distinct word a seeded pseudo-random embedding (the same word
// always gets the same vector, so shuffling tokens only shuffles rows), and makes seeded
// pseudo-random projection matrices. Nothing here is learned; the lesson says so on screen.
// Pure JS, no DOM: the engine does all attention maths.

import { fnv1a, mulberry32 } from '../lib/seeded.js';

export const MAX_TOKENS = 64;
export const MAX_TOKEN_CHARS = 40;

// Splits on white space and keeps punctuation attached to words' edges as separate tokens.
// Returns { tokens } or { error } (a sentence to show the learner; the caller keeps the last view).
export function tokenize(text) {
  if (typeof text !== 'string') return { error: 'Type a sentence to see its attention matrix.' };
  const raw = text.normalize('NFC').match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu) ?? [];
  if (raw.length === 0) return { error: 'The sentence is empty, so the previous matrix stays on screen. Type at least one word.' };
  if (raw.length > MAX_TOKENS) {
    return { error: `That sentence has ${raw.length} tokens; this scene takes at most ${MAX_TOKENS} so the matrix stays readable. The first ${MAX_TOKENS} are shown.`, tokens: raw.slice(0, MAX_TOKENS).map(clip) };
  }
  return { tokens: raw.map(clip) };
}

function clip(token) {
  return token.length > MAX_TOKEN_CHARS ? token.slice(0, MAX_TOKEN_CHARS - 1) + '…' : token;
}



// Standard-normal draws (Box–Muller) from a seeded uniform source.
export function normals(count, seed, spread = 1) {
  const next = mulberry32(seed);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - next()));
    const t = 2 * Math.PI * next();
    out[i] = r * Math.cos(t) * spread;
    if (i + 1 < count) out[i + 1] = r * Math.sin(t) * spread;
  }
  return out;
}

// x: (tokens.length, dModel). A word's vector depends only on the word (case-folded) and seed.
export function embed(tokens, dModel, seed = 1) {
  const x = new Float32Array(tokens.length * dModel);
  tokens.forEach((t, i) => x.set(normals(dModel, fnv1a(t.toLowerCase()) ^ seed), i * dModel));
  return x;
}

// A (rows, cols) matrix with entries of spread 1/√rows, so projections keep unit scale.
export function randomMatrix(rows, cols, seed) {
  return normals(rows * cols, seed, 1 / Math.sqrt(rows));
}

// Weights for one attention layer of `heads` heads over width dModel (dK = dV = dModel / heads).
// The same sizes and seed always give the same numbers, so each set is made once and shared (at
// d_model 64, making it took about 1 ms of every change in the mistake lab): read them, pass them
// to the engine (which copies them), never write to them.
const madeWeights = new Map(); // "dModel|heads|seed" → { wq, wk, wv, wo }
const KEPT_WEIGHTS = 32; // (a learner can pick many seeds in step 10: the oldest sets are dropped)
export function layerWeights(dModel, heads, seed = 7) {
  const key = `${dModel}|${heads}|${seed}`;
  let w = madeWeights.get(key);
  if (!w) {
    const d = dModel * (dModel / heads) * heads;
    w = Object.freeze({
      wq: randomMatrix(dModel, d / dModel, seed * 4 + 1),
      wk: randomMatrix(dModel, d / dModel, seed * 4 + 2),
      wv: randomMatrix(dModel, d / dModel, seed * 4 + 3),
      wo: randomMatrix(dModel, dModel, seed * 4 + 4),
    });
    if (madeWeights.size >= KEPT_WEIGHTS) madeWeights.delete(madeWeights.keys().next().value);
    madeWeights.set(key, w);
  }
  return w;
}
