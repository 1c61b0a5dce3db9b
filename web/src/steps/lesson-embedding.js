// lesson-embedding.js — the lesson's one source of word vectors and attention weights for typed
// sentences: every step that turns a sentence into numbers (why-attention, sentence, causal mask,
// positions, multi-head, mistake lab) uses these, so "The cat sat down" gives the same matrices
// wherever it appears with the same settings. The vectors are seeded pseudo-random numbers, not
// learned ones; capital letters are ignored, so "The" and "the" share one vector. EMBEDDING_NOTE
// says so on screen.
import { embed, layerWeights } from '../model/toy-model.js';

export const LESSON_EMBEDDING = Object.freeze({ dModel: 16, seed: 1, weightSeed: 7 });

/** x: (tokens.length, 16), one seeded vector per word (case ignored). */
export function lessonEmbedding(tokens, dModel = LESSON_EMBEDDING.dModel) {
  return embed(tokens, dModel, LESSON_EMBEDDING.seed);
}

/** Seeded W_Q, W_K, W_V, W_O for `heads` heads over the lesson's width. */
export function lessonWeights(heads = 1, seed = LESSON_EMBEDDING.weightSeed, dModel = LESSON_EMBEDDING.dModel) {
  return layerWeights(dModel, heads, seed);
}

export const EMBEDDING_NOTE = `The word vectors come from the lesson’s one seeded table (${LESSON_EMBEDDING.dModel} numbers per word, the same in every step that uses a sentence) and W_Q, W_K, W_V are seeded too, so nothing here is learned. Capital letters are ignored: “The” and “the” get the same vector.`;
