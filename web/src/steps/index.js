// The lesson's scenes in lesson order: one module per step (see docs/ARCHITECTURE.md, Scene contract).
import whyAttention from './01-why-attention.js';
import contextualMeaning from './02-contextual-meaning.js';
import dotProduct from './03-dot-product.js';
import softmax from './04-softmax.js';
import firstVersion from './05-first-version.js';
import qkv from './06-qkv.js';
import workedExample from './07-worked-example.js';
import matrixForm from './08-matrix-form.js';
import scaling from './09-scaling.js';
import sentence from './10-sentence.js';
import causalMask from './11-causal-mask.js';
import positions from './12-positions.js';
import multiHead from './13-multi-head.js';
import mistakeLab from './14-mistake-lab.js';
import cost from './15-cost.js';
import summary from './16-summary.js';

export const SCENES = [
  whyAttention,
  contextualMeaning,
  dotProduct,
  softmax,
  firstVersion,
  qkv,
  workedExample,
  matrixForm,
  scaling,
  sentence,
  causalMask,
  positions,
  multiHead,
  mistakeLab,
  cost,
  summary,
];
