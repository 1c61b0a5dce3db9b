// @ts-check
// The schema every training scene shares (steps 17–21), built from one step's task config: the
// run's seed, learning rate, speed and probe sentence, plus layers, heads and width (dModel) where
// the task lets the learner change them. Checked once by state.js validateInputs, whatever the
// source. The run itself (weights, step count, curves) lives in the training session, not here.
//
// A task config (each step's inputs.js declares one) is:
//   { task: trainer task id, shippedSeed, learningRate: default (one of LEARNING_RATES),
//     speed: default steps per frame (one of SPEEDS), layers / heads / dModel: { choices: [...],
//     default } (one choice = fixed), probe,
//     claim: 'reach' (held-out accuracy climbs past TARGET) | 'stall' (it cannot),
//     checkedNote: what the shipped seed was checked for, subject(tokens, readout) (optional: who
//     the prediction line is about), compare(words) (optional: a second probe to set beside it),
//     comparison: how the two probes are compared (model.js): 'split' (default: layer 1's "it"
//     row, step 19) or 'route' (the adjective's way through both layers, step 20) }

export const LEARNING_RATES = Object.freeze(['0.001', '0.003', '0.005', '0.01', '0.03', '0.1', '1']);
// steps per frame; 'max': as many as fit in a frame's training slice (training-session.js)
export const SPEEDS = Object.freeze(['1', '2', '5', '10', '20', '50', 'max']);
export const BATCH_SIZE = 32;
// The sizes a task config offers when the learner may change all three (spread, then override).
export const ANY_SIZE = Object.freeze({
  layers: Object.freeze({ choices: ['1', '2'], default: '1' }),
  heads: Object.freeze({ choices: ['1', '2', '4'], default: '1' }),
  dModel: Object.freeze({ choices: ['16', '32', '64'], default: '32' }),
});

/** @type {(spec: { choices: readonly string[], default: string }, label: string) => import('../scene.js').ChoiceInput} */
const choice = (spec, label) => ({ type: 'choice', choices: spec.choices, default: spec.default, label });

/**
 * The step's schema from its task config.
 * @param {any} config a task config (see the top of this file)
 * @returns {import('../scene.js').Schema}
 */
export function trainingInputs(config) {
  /** @type {Record<string, import('../scene.js').InputSpec>} */
  const inputs = {
    seed: { type: 'number', integer: true, min: 0, max: 9999, default: config.shippedSeed, label: 'seed' },
    learningRate: { type: 'choice', choices: LEARNING_RATES, default: config.learningRate, label: 'learning rate' },
    speed: { type: 'choice', choices: SPEEDS, default: config.speed ?? '10', label: 'steps per frame' },
  };
  for (const [name, label] of [['layers', 'layers'], ['heads', 'heads'], ['dModel', 'width (d_model)']]) {
    if (config[name].choices.length > 1) inputs[name] = choice(config[name], label);
  }
  inputs.probe = { type: 'text', maxLength: 200, default: config.probe, label: 'probe sentence' };
  return Object.freeze(inputs);
}

/**
 * Freezes a task config after checking that its architecture choices make sense.
 * @param {any} config
 */
export function taskConfig(config) {
  for (const name of ['layers', 'heads', 'dModel']) {
    const spec = config[name];
    if (!spec || !spec.choices.includes(spec.default)) throw new Error(`${config.task}: ${name} needs choices that include its default.`);
  }
  if (!LEARNING_RATES.includes(config.learningRate)) throw new Error(`${config.task}: learning rate ${config.learningRate} is not offered.`);
  return Object.freeze(config);
}
