// @ts-check
// Step 21's task config (task 5, copy the previous letter under the causal mask): read out at the
// last letter, the answer is the letter before it, and no row may look ahead. The schema is built
// from it.
import { ANY_SIZE, taskConfig, trainingInputs } from '../training-scene/inputs.js';

export const TASK_SCENE = taskConfig({
  task: 'copy-previous',
  shippedSeed: 1,
  learningRate: '0.01',
  speed: '1',
  ...ANY_SIZE,
  probe: 'a d f c b',
  claim: 'reach',
  causal: true,
  checkedNote: 'the last letter\u2019s row ends up on the letter just before it.',
  subject: (/** @type {string[]} */ tokens, /** @type {number} */ readout) => `the letter before \u201c${tokens[readout]}\u201d`,
});
export const INPUTS = trainingInputs(TASK_SCENE);
