// Which of a scene's engine calls its code panel shows, and the token labels for its comments:
// one entry per step that has a panel (worked example, matrix form, causal mask, multi-head,
// mistake lab). `pick(calls, values)` gets the calls the scene made while drawing (see
// engine-recorder.js) and its current inputs, and returns the one that is "the scene's
// computation" (or null); `extra()` optionally loads a module whose `mountExtra(host, { engine })`
// mounts more under the scene (loaded when the step opens, as its own chunk); `figures` names the
// stage of heatmaps whose title does not say it, or null for a figure of another computation
// (figure-stages.js). Kept here so the scenes themselves need no code-panel logic.
import { tokenize } from '../model/toy-model.js';

const sentenceTokens = (values) => tokenize(values.sentence ?? '').tokens ?? null;
const maskOf = (o) => (o.mask === undefined ? 'none' : o.mask);

export const SCENE_CODE = {
  'worked-example': {
    title: 'The worked example',
    pick: (calls) => calls[0] ?? null,
    tokens: () => ['love', 'Apple', 'phones'],
  },
  'matrix-form': {
    title: 'The matrix form',
    pick: (calls) => calls[0] ?? null,
    tokens: (values, call) => Array.from({ length: call.options.n }, (_, i) => `t${i + 1}`),
  },
  'causal-mask': {
    title: 'The causal mask',
    // The sentence itself (not the padded copy), with the mask as the learner set it.
    pick: (calls, values) => calls.find((c) => maskOf(c.options) === (values.causal === false ? 'none' : 'causal')) ?? calls[0] ?? null,
    tokens: sentenceTokens,
    figures: { 'Weights with a padding mask': null },
  },
  'multi-head': {
    title: 'Multi-head attention',
    pick: (calls) => calls.find((c) => (c.options.heads ?? 1) > 1) ?? calls[0] ?? null,
    tokens: sentenceTokens,
  },
  'mistake-lab': {
    title: 'The mistake lab',
    // The computation with the bugs the learner switched on (not the correct twin, not the mystery).
    pick: (calls, values) => {
      const mistake = values.mistake && values.mistake !== 'none' ? values.mistake : null;
      const scale = !values.noScale;
      const fits = (c) => (c.options.mistake ?? null) === mistake && (c.options.scale ?? true) === scale
        && (values.dK === undefined || c.options.dModel === values.dK)
        && maskOf(c.options) === (values.causal === false ? 'none' : 'causal');
      return calls.find(fits) ?? null;
    },
    tokens: sentenceTokens,
    figures: { 'Buggy weights': 'softmax', 'Correct weights': null, 'Mystery weights': null },
    // The fourth bug (a padding mask of the wrong shape), shown live under the scene.
    extra: () => import('./wrong-shape-view.js'),
  },
};
