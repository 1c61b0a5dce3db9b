// Step 16's model (web/src/steps/16-summary/) on the real engine: the mini-run follows the formula
// stage by stage with the engine's numbers, and the factor labels are drawn by KaTeX (no "Kˢ": the
// character U+1D40 is never put in a maths font, and no literal underscore in /√d_k).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import katex from 'katex';
import { createEngine } from '../../wasm/engine.js';
import { model, FACTOR_FORMULAS } from '../../web/src/steps/16-summary/model.js';
import { INPUTS } from '../../web/src/steps/16-summary/inputs.js';
import { FORMULAS } from '../../web/src/content/formulas.js';
import { STEPS } from '../../web/src/content/steps.js';
import { GLOSSARY } from '../../web/src/content/glossary.js';
import { schemaDefaults, validateInputs } from '../../web/src/state.js';

let engine;
before(async () => { engine = await createEngine(); });
const defaults = () => schemaDefaults(INPUTS);

test('the mini-run shows the worked example: scores [[1,1,0],[2,3,2],[2,4,4]], ÷ √2, rows summing to 1', () => {
  const m = model(defaults(), engine);
  assert.deepEqual(Array.from(m.head.scores), [1, 1, 0, 2, 3, 2, 2, 4, 4]);
  assert.equal(m.sqrtDK, engine.scoreScale(2).sqrtDK, '√dₖ is the engine’s, not scores ÷ scaled');
  assert.ok(Math.abs(m.sqrtDK - Math.SQRT2) < 1e-6);
  for (let i = 0; i < 9; i++) assert.ok(Math.abs(m.head.scaled[i] - m.head.scores[i] / m.sqrtDK) < 1e-6);
  for (const s of m.weightSums) assert.ok(Math.abs(s - 1) < 1e-6);
  assert.equal(m.flow[0], 'QKᵀ: Apple’s scores against love, Apple, phones are 2.000, 3.000, 2.000.');
  assert.equal(m.flow[1], '÷ √dₖ: dₖ = 2, so they are divided by √2 = 1.414 and become 1.414, 2.121, 1.414.');
  assert.match(m.flow[2], /^softmax: Apple’s weights are 0\.248, 0\.503, 0\.248; the rows sum to 1\.00, 1\.00, 1\.00\.$/);
  assert.equal(m.captions.scaled, '÷ √dₖ = ÷ 1.41');
});

test('editing X changes every stage, and the output row is the weights times V', () => {
  const v = { ...defaults(), x: [1, 0, 1, 2, 0, 2] };
  const m = model(v, engine);
  assert.deepEqual(Array.from(m.head.scores.slice(3, 6)), [3, 7, 4]);
  const w = m.head.weights.slice(3, 6), V = m.head.v;
  for (let c = 0; c < 2; c++) {
    const mix = w[0] * V[c] + w[1] * V[2 + c] + w[2] * V[4 + c];
    assert.ok(Math.abs(m.head.output[2 + c] - mix) < 1e-5);
  }
});

test('every factor label is a KaTeX formula: Kᵀ as a superscript ⊤, d_k as a subscript, no U+1D40, no underscore', () => {
  const parts = STEPS.find((s) => s.id === 'summary').formulaParts.map((p) => p.part);
  assert.deepEqual(Object.keys(FACTOR_FORMULAS), parts, 'each factor in the step text has a formula');
  for (const part of parts) {
    const tex = FORMULAS[FACTOR_FORMULAS[part].formula];
    assert.equal(typeof tex, 'string', part);
    const html = katex.renderToString(tex, { displayMode: true, output: 'htmlAndMathml', throwOnError: true });
    assert.ok(!html.includes('\u1D40'), `${part}: no modifier-letter T (drawn as ˢ by KaTeX_Main)`);
    const visible = html.replace(/<annotation[^>]*>.*?<\/annotation>/gs, '').replace(/<[^>]+>/g, '');
    assert.ok(!visible.includes('_'), `${part}: no literal underscore`);
  }
  const kt = katex.renderToString(FORMULAS.factorKT, { output: 'mathml' });
  assert.match(kt, /<msup><mi>K<\/mi><mi mathvariant="normal">⊤<\/mi><\/msup>/);
  const scale = katex.renderToString(FORMULAS.factorScale, { output: 'mathml' });
  assert.match(scale, /<msub><mi>d<\/mi><mi>k<\/mi><\/msub>/);
});

test('the glossary filter and the objectives are counted by the model', () => {
  const all = model(defaults(), engine);
  assert.equal(all.glossary.count, `All ${GLOSSARY.length} terms.`);
  assert.ok(all.glossary.shown.every(Boolean));
  const m = model({ ...defaults(), filter: 'softmax', done: [0, 2] }, engine);
  const n = m.glossary.shown.filter(Boolean).length;
  assert.ok(n > 0 && n < GLOSSARY.length);
  assert.equal(m.glossary.count, `${n} of ${GLOSSARY.length} terms match “softmax”.`);
  assert.match(m.doneCount, /^2 of \d+ ticked\.$/);
});

test('the schema refuses bad link values in words', () => {
  const r = validateInputs(INPUTS, { x: [1, 0, 1, 99, 0, 2], done: [0, 0, 99], filter: 5 });
  assert.deepEqual(r.values.x, [1, 0, 1, 10, 0, 2]);
  assert.deepEqual(r.values.done, [0]);
  assert.equal(r.values.filter, '');
  assert.equal(r.problems.length, 3, r.problems.join(' | '));
});
