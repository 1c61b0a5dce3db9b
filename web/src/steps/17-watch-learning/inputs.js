// @ts-check
// Step 17's task config (task 1, tired → animal, wide → street): one attention layer is enough,
// because the read-out sits on the adjective, whose row only has to find its noun. The schema
// is built from it (training-scene/inputs.js); every setting is the learner's to change.
import { ANY_SIZE, taskConfig, trainingInputs } from '../training-scene/inputs.js';

export const TASK_SCENE = taskConfig({
  task: 'tired-wide',
  // the seed and rate scripts/train-tasks.mjs ships for this task (checked: the adjective's row
  // finds its noun); other seeds may solve the task another way
  shippedSeed: 4,
  learningRate: '0.01',
  speed: '1',
  ...ANY_SIZE,
  probe: "the animal didn't cross the street because it was too tired",
  claim: 'reach',
  checkedNote: 'the adjective\u2019s row ends up on the noun it describes.',
});
export const INPUTS = trainingInputs(TASK_SCENE);
