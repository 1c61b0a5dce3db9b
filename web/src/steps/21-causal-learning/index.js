// Step 21, "Learning under the causal mask" (task 5): the folder's three parts, for the registry.
import { trainingScene } from '../training-scene/index.js';
import { TASK_SCENE } from './inputs.js';

export const { inputs, model, view } = trainingScene(TASK_SCENE);
