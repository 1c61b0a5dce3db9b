// Step 24's model: pure. model(values) gives the settings that need no language model (the
// sentence and the followed token); everything the block view shows once the model has run comes
// from read-block.js, which only the view's chunk loads. No DOM, no state.
import { DEFAULT_SENTENCE } from './inputs.js';
import { norm } from '../23-real-model/model.js';

/** The settings, before the model is loaded. */
export function model(values) {
  const sentence = norm(values.sentence) || DEFAULT_SENTENCE;
  return {
    sentence, token: values.token,
    emptyNote: norm(values.sentence) ? null : `The sentence is empty, so the example \u201c${DEFAULT_SENTENCE}\u201d is shown.`,
  };
}

