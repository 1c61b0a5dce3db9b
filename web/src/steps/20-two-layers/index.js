// Step 20, "Two layers resolve “it”" (task 4): the folder's three parts, for the registry.
import { trainingScene } from '../training-scene/index.js';
import { TASK_SCENE } from './inputs.js';

export const { inputs, model, view } = trainingScene(TASK_SCENE);
