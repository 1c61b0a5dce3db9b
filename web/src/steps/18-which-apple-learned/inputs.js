// @ts-check
// Step 18's task config (task 2, which apple?): company or fruit, read out at "apple", decided by
// one word around it ("apple phones", "peeled the apple"). One layer; the schema is built from it.
import { ANY_SIZE, taskConfig, trainingInputs } from '../training-scene/inputs.js';

export const TASK_SCENE = taskConfig({
  task: 'which-apple',
  // checked: "apple"'s row ends on the deciding word in "she bought apple phones", "we sliced
  // the apple" and "they liked some apple juice" (seed 1, which train-tasks.mjs ships for step
  // 10's weights, solves it too but its "apple phones" row stays on "apple")
  shippedSeed: 7,
  learningRate: '0.01',
  speed: '1',
  ...ANY_SIZE,
  probe: 'she bought apple phones',
  claim: 'reach',
  checkedNote: '\u201capple\u201d\u2019s row ends up on the word that decides which apple it is.',
});
export const INPUTS = trainingInputs(TASK_SCENE);
