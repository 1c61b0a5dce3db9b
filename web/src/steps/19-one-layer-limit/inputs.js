// @ts-check
// Step 19's task config (task 3, why one layer cannot resolve "it"): the same grammar as steps 17
// and 20, read out at "it" with one layer, where held-out accuracy stalls. The probe is set beside
// the same sentence with the adjective of the other kind, so the scene can show that the ratio of
// "it"'s weights on the two nouns does not move. Two layers are offered as the experiment.
import { ANY_SIZE, taskConfig, trainingInputs } from '../training-scene/inputs.js';
import { otherAdjective } from '../training-scene/other-adjective.js';

export { otherAdjective };

export const TASK_SCENE = taskConfig({
  task: 'it-one-layer',
  shippedSeed: 1,
  learningRate: '0.01',
  speed: '5',
  ...ANY_SIZE,
  probe: "the animal didn't cross the street because it was too tired",
  claim: 'stall',
  checkedNote: 'with one layer its held-out accuracy levels off well below 95%.',
  compare: otherAdjective,
});
export const INPUTS = trainingInputs(TASK_SCENE);
