// @ts-check
// Step 18's task config (task 2, which apple?): company or fruit, read out at "apple", decided by
// one word around it ("apple phones", "peeled the apple"). One layer; the schema is built from it.
import { ANY_SIZE, taskConfig, trainingInputs } from '../training-scene/inputs.js';

export const TASK_SCENE = taskConfig({
  task: 'which-apple',
  // checked: "apple"'s row starts spread over "she bought apple phones" with the least on the
  // deciding word (0.36, 0.31, 0.24, 0.08), held-out accuracy passes 95 % at step 70 and stays
  // above it, and from there to step 300 the row peaks on the deciding word in that probe, "we
  // sliced the apple" and "they liked some apple juice" (found by a search over seeds 1-200; the
  // SIMD and scalar builds agree). Seed 7, shipped before, also ends there but starts with 0.83
  // already on "phones", by chance; seed 179 starts flatter but drops back to 86 % for 170 steps
  // after first passing 95 %; seed 1, which train-tasks.mjs ships for step 10's weights, solves
  // the task but its "apple phones" row stays on "apple".
  shippedSeed: 149,
  learningRate: '0.01',
  speed: '1',
  ...ANY_SIZE,
  probe: 'she bought apple phones',
  claim: 'reach',
  checkedNote: '\u201capple\u201d\u2019s row ends up on the word that decides which apple it is.',
});
export const INPUTS = trainingInputs(TASK_SCENE);
