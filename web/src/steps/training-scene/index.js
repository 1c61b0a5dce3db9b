// One training step (steps 17–21) from its task config: the schema, the pure model and the view,
// in the shape the registry expects ({ inputs, model, view }). Each step folder declares its
// config in inputs.js and hands it here; the scene's code lives once in this folder.
import { trainingInputs } from './inputs.js';
import { trainingModel } from './model.js';
import { mountTrainingView } from './view.js';

export function trainingScene(config) {
  const inputs = trainingInputs(config);
  return { inputs, model: trainingModel(config), view: { mount: (host, ctx) => mountTrainingView(host, ctx, config, inputs) } };
}
