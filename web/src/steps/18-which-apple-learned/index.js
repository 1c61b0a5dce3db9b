// Step 18, "Which apple? Learned from context" (task 2): the folder's three parts, for the registry.
import { trainingScene } from '../training-scene/index.js';
import { TASK_SCENE } from './inputs.js';

export const { inputs, model, view } = trainingScene(TASK_SCENE);
