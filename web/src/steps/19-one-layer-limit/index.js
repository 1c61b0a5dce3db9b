// Step 19, "What one layer cannot do" (task 3): the folder's three parts, for the registry.
import { trainingScene } from '../training-scene/index.js';
import { TASK_SCENE } from './inputs.js';

export const { inputs, model, view } = trainingScene(TASK_SCENE);
