// Step 23's model: pure. model(values) gives the settings that need no language model (the
// sentence, the chosen head and query, the matching preset); everything the step shows once the
// model has read the sentence comes from read-sentence.js, which only the view's chunk loads (so
// the first view never carries it). No DOM, no state.
import { PRESETS, DEFAULT_SENTENCE } from './inputs.js';

export const norm = (text) => text.trim().replace(/\s+/g, ' ');
const fold = (text) => norm(text).toLowerCase().replace(/[\u2018\u2019]/g, "'");

/** The settings, before the model is loaded. */
export function model(values) {
  const sentence = norm(values.sentence) || DEFAULT_SENTENCE;
  const preset = PRESETS.find((p) => fold(p.text) === fold(sentence)) ?? null;
  return {
    sentence, layer: values.layer - 1, head: values.head - 1, query: values.query,
    preset: preset?.id ?? null,
    emptyNote: norm(values.sentence) ? null : `The sentence is empty, so the example \u201c${DEFAULT_SENTENCE}\u201d is shown.`,
  };
}

