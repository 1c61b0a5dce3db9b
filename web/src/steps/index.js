// The registry: every step's id, title and order, once. Navigation, the step text
// (content/steps.js), the quiz's step titles and the embedding's list of steps all read it.
// Each step is a folder NN-name/ with inputs.js (schema), model.js (pure) and view.js (DOM).
import { defineScene } from './define-scene.js';
import * as whyAttention from './01-why-attention/index.js';
import * as contextualMeaning from './02-contextual-meaning/index.js';
import * as dotProduct from './03-dot-product/index.js';
import * as softmax from './04-softmax/index.js';
import * as firstVersion from './05-first-version/index.js';
import * as qkv from './06-qkv/index.js';
import * as workedExample from './07-worked-example/index.js';
import * as matrixForm from './08-matrix-form/index.js';
import * as scaling from './09-scaling/index.js';
import * as sentence from './10-sentence/index.js';
import * as causalMask from './11-causal-mask/index.js';
import * as positions from './12-positions/index.js';
import * as multiHead from './13-multi-head/index.js';
import * as mistakeLab from './14-mistake-lab/index.js';
import * as cost from './15-cost/index.js';
import * as summary from './16-summary/index.js';
import * as watchLearning from './17-watch-learning/index.js';
import * as whichAppleLearned from './18-which-apple-learned/index.js';
import * as oneLayerLimit from './19-one-layer-limit/index.js';
import * as twoLayers from './20-two-layers/index.js';
import * as causalLearning from './21-causal-learning/index.js';
import * as exercise from './22-exercise/index.js';
import * as realModel from './23-real-model/index.js';
import * as transformerBlock from './24-transformer-block/index.js';

// [id (stable: used in links, saved progress and the quiz), title (shown in the step list and
// heading), the scene]
const ENTRIES = [
  ['why-attention', 'Why sequences need attention', defineScene, whyAttention],
  ['contextual-meaning', 'Same word, different meaning', defineScene, contextualMeaning],
  ['dot-product', 'Dot product as similarity', defineScene, dotProduct],
  ['softmax', 'Softmax: scores into shares', defineScene, softmax],
  ['first-version', 'A first try: weighted mixing', defineScene, firstVersion],
  ['qkv', 'Queries, keys and values', defineScene, qkv],
  ['worked-example', 'A worked example by hand', defineScene, workedExample],
  ['matrix-form', 'The matrix form and its shapes', defineScene, matrixForm],
  ['scaling', 'Why divide by √dₖ', defineScene, scaling],
  ['sentence', 'Attention on a whole sentence', defineScene, sentence],
  ['causal-mask', 'The causal mask', defineScene, causalMask],
  ['positions', 'Where order comes from', defineScene, positions],
  ['multi-head', 'Many heads at once', defineScene, multiHead],
  ['mistake-lab', 'Mistake lab', defineScene, mistakeLab],
  ['cost', 'Speed, reach and cost', defineScene, cost],
  ['summary', 'The whole formula', defineScene, summary],
  ['watch-learning', 'Watch attention learn', defineScene, watchLearning],
  ['which-apple-learned', 'Which apple? Learned from context', defineScene, whichAppleLearned],
  ['one-layer-limit', 'What one layer cannot do', defineScene, oneLayerLimit],
  ['two-layers', 'Two layers resolve \u201cit\u201d', defineScene, twoLayers],
  ['causal-learning', 'Learning under the causal mask', defineScene, causalLearning],
  ['exercise', 'Your turn: write attention', defineScene, exercise],
  ['real-model', 'A real model reads your sentence', defineScene, realModel],
  ['transformer-block', 'Where attention sits in a transformer', defineScene, transformerBlock],
];

/** [{ id, title, number }] in lesson order. */
export const STEP_LIST = Object.freeze(ENTRIES.map(([id, title], i) => Object.freeze({ id, title, number: i + 1 })));

/** { [stepId]: title } */
export const STEP_TITLES = Object.freeze(Object.fromEntries(STEP_LIST.map((s) => [s.id, s.title])));

/** The scenes, in lesson order: { id, title, number, inputs, defaults(), mount(host, ctx) }. */
export const SCENES = ENTRIES.map(([, , make, scene], i) => make(STEP_LIST[i], scene));

/** { id, title, number } of a step, or null. */
export function stepInfo(id) {
  return STEP_LIST.find((s) => s.id === id) ?? null;
}
