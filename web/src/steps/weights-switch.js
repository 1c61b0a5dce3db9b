// weights-switch.js — the "learned / random" switch the sentence scenes (steps 10 and 13) share:
// its inputs (one schema fragment both steps spread into their INPUTS), and the decision a model
// makes from them: the lesson's seeded random weights, or (once trained-loader.js has loaded the
// files and learned-weights.js with them) the trained model on the sentence, with every sentence
// that says which it shows and why. Only the inputs and the random / loading side live here, so
// the first view stays small. Pure: the scene's model passes in the loaded models
// (trained-loader.js trainedModels()); no DOM.

/** The trained models a scene can switch to (the files npm run train:tasks writes), default first. */
export const TRAINED_TASKS = Object.freeze(['it-two-layers', 'tired-wide', 'which-apple']);

/** @type {import('./scene.js').Schema} */
export const WEIGHTS_INPUTS = Object.freeze({
  weights: { type: 'choice', choices: ['random', 'learned'], default: 'random', label: 'weights (random or learned)' },
  trained: { type: 'choice', choices: TRAINED_TASKS, default: TRAINED_TASKS[0], label: 'trained model' },
  // Past the model's last layer, the last one is shown.
  layer: { type: 'number', integer: true, min: 1, max: 2, default: 2, quietClamp: true, label: 'layer' },
});

/**
 * Decides what a sentence scene shows. values: the scene's { weights, trained, layer }; tokens: the
 * scene's tokens; trained: the loaded models (trained-loader.js) or null; failure: a loading error
 * or null. → { kind: 'random' | 'learned', wanted (the learner asked for learned), loading, source
 *   (the sentence that says what is shown), note (why learned fell back, or what was left out; ''
 *   if nothing), and for 'learned': model, words (the tokens the model reads), run
 *   (runTrainedModel's result), layerIndex (0-based) }.
 */
export function chooseWeights(values, tokens, engine, { trained, failure = null, mask = 'none' }) {
  const random = (note, extra = {}) => ({ kind: 'random', wanted: values.weights === 'learned', loading: false, note, source: '', ...extra });
  if (values.weights !== 'learned') return random('');
  if (!trained) {
    return failure
      ? random(`The learned weights could not be loaded (${failure}), so the random weights are shown.`)
      : random('Loading the learned weights… until they arrive, the random weights are shown.', { loading: true });
  }
  return trained.choose(trained, values, tokens, engine, mask);
}

/** The learned pattern, measured from the weights on screen (learned-weights.js), or '' for random. */
export function learnedPattern(choice, head = 0) {
  return choice.kind === 'learned' ? choice.describePattern(choice, head) : '';
}
