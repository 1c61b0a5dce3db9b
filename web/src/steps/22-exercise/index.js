// Step 22, "Your turn": write causal self-attention and have it checked against the engine. The
// folder's three parts (inputs.js schema, model.js, view.js), for the registry.
import { INPUTS } from './inputs.js';
import { model } from './model.js';
import * as view from './view.js';

export { INPUTS as inputs, model, view };
