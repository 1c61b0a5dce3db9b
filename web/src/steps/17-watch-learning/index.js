// Step 17, "Watch attention learn": the folder's three parts, for the registry.
export { INPUTS as inputs } from './inputs.js';
export { model } from './model.js';
export * as view from './view.js';
