// @ts-check
// Step 20's task config (task 4, "it" → the right noun with two layers): read out at "it"; layer
// 1 lets "it" gather the adjective, so layer 2's "it" row can look for the matching noun. The
// probe is set beside its twin with the other kind of adjective, and the scene measures that
// route in both layers (model.js describeRoute). Always two layers (the point of the step); heads
// and width are the learner's to change.
import { ANY_SIZE, taskConfig, trainingInputs } from '../training-scene/inputs.js';
import { otherAdjective } from '../training-scene/other-adjective.js';

export const TASK_SCENE = taskConfig({
  task: 'it-two-layers',
  // the seed and rate scripts/train-tasks.mjs ships for this task (checked: layer 2's "it" row
  // finds the noun); other seeds may solve the task another way
  shippedSeed: 21,
  learningRate: '0.005',
  speed: '2',
  ...ANY_SIZE,
  layers: { choices: ['2'], default: '2' },
  probe: "the animal didn't cross the street because it was too tired",
  claim: 'reach',
  checkedNote: 'layer 2\u2019s \u201cit\u201d row ends up on the noun the adjective describes.',
  compare: otherAdjective,
  comparison: 'route',
});
export const INPUTS = trainingInputs(TASK_SCENE);
