// Step 23, "A real model reads your sentence": the folder's three parts, for the registry. The
// view (with everything that runs the language model) is loaded when the step opens: see
// steps/lazy-view.js and steps/language-model-views.js.
import { languageModelView } from '../lazy-view.js';

export { INPUTS as inputs } from './inputs.js';
export { model } from './model.js';
export const view = languageModelView('realModel');
