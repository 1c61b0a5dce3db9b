// Step 16, the whole formula: the folder's three parts, for the registry. The view is loaded
// when the step opens (steps/lazy-view.js, steps/later-views.js).
import { laterView } from '../lazy-view.js';

export { INPUTS as inputs } from './inputs.js';
export { model } from './model.js';
export const view = laterView('summary');
