// figure-stages.js: the stage a scene's heatmap shows, from its title as the heatmaps write it
// ("label: what is shown"), and the per-step overrides scene-code.js gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stageOfTitle, figureStage } from '../../web/src/code/figure-stages.js';
import { SCENE_CODE } from '../../web/src/code/scene-code.js';

test('each title names its stage by the part after the colon', () => {
  const cases = {
    'Raw scores Q·Kᵀ: raw scores': 'scores',
    'Scaled scores Q·Kᵀ / √2: scores ÷ √2': 'scale',
    'Scores after the mask: scaled scores, future keys set to −∞': 'mask',
    'Attention weights: softmax weights, mask on': 'softmax',
    'N × N grid: raw scores QKᵀ': 'scores',
    'Head 3: softmax weights': 'softmax',
    'Buggy weights: no bug switched on': null,
    'Matrix: values': null,
  };
  for (const [title, stage] of Object.entries(cases)) assert.equal(stageOfTitle(title), stage, title);
});

test('a step\'s overrides win: the mistake lab links its buggy weights only, the causal step not its padded copy', () => {
  const lab = SCENE_CODE['mistake-lab'].figures;
  assert.equal(figureStage('Buggy weights: no bug switched on', lab), 'softmax');
  assert.equal(figureStage('Correct weights: softmax weights, d_k = 64', lab), null);
  assert.equal(figureStage('Mystery weights: mystery number 1', lab), null);
  assert.equal(figureStage('Weights with a padding mask: softmax weights, validKeys = 4', SCENE_CODE['causal-mask'].figures), null);
  assert.equal(figureStage('Attention weights: softmax weights, mask on', SCENE_CODE['causal-mask'].figures), 'softmax');
  assert.equal(figureStage('constructor: raw scores', {}), 'scores', 'only own keys of the overrides count');
});
