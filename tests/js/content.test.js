// Structure and originality checks for the lesson's words (web/src/content), run with node --test.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const contentDir = path.join(repoRoot, 'web/src/content');
const load = (name) => import(pathToFileURL(path.join(contentDir, name)).href);

const { STEPS } = await load('steps.js');
const { GLOSSARY } = await load('glossary.js');
const { OBJECTIVES } = await load('objectives.js');

const EXPECTED_IDS = [
  'why-attention', 'contextual-meaning', 'dot-product', 'softmax', 'first-version', 'qkv',
  'worked-example', 'matrix-form', 'scaling', 'sentence', 'causal-mask', 'positions',
  'multi-head', 'mistake-lab', 'cost', 'summary', 'watch-learning', 'which-apple-learned',
  'one-layer-limit', 'two-layers', 'causal-learning', 'exercise', 'real-model', 'transformer-block',
];
const FORMULA_FACTORS = ['Q', 'Kᵀ', 'QKᵀ', '/√d_k', 'softmax', 'V'];

const isNonEmptyString = (s) => typeof s === 'string' && s.trim().length > 0;

// Every string anywhere inside a value, with a path for error messages.
function* strings(value, where) {
  if (typeof value === 'string') yield [where, value];
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* strings(value[i], `${where}[${i}]`);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* strings(v, `${where}.${k}`);
}

test(`there are exactly ${EXPECTED_IDS.length} steps, with unique ids in the lesson order and numbers 1..${EXPECTED_IDS.length}`, () => {
  assert.equal(STEPS.length, EXPECTED_IDS.length);
  assert.deepEqual(STEPS.map((s) => s.id), EXPECTED_IDS);
  assert.equal(new Set(STEPS.map((s) => s.id)).size, EXPECTED_IDS.length);
  STEPS.forEach((s, i) => assert.equal(s.number, i + 1, `${s.id} has number ${s.number}`));
});

test('every step has the required fields in the required sizes', () => {
  for (const s of STEPS) {
    assert.ok(isNonEmptyString(s.title) && s.title.length <= 40, `${s.id}: title missing or longer than 40`);
    assert.ok(isNonEmptyString(s.objective), `${s.id}: objective`);
    assert.ok(isNonEmptyString(s.takeaway), `${s.id}: takeaway`);
    assert.ok(Array.isArray(s.paragraphs) && s.paragraphs.length >= 3 && s.paragraphs.length <= 6,
      `${s.id}: needs 3–6 paragraphs, has ${s.paragraphs?.length}`);
    assert.ok(s.paragraphs.every(isNonEmptyString), `${s.id}: empty paragraph`);
    assert.ok(Array.isArray(s.tryThis) && s.tryThis.length >= 2 && s.tryThis.length <= 4,
      `${s.id}: needs 2–4 tryThis items, has ${s.tryThis?.length}`);
    assert.ok(s.tryThis.every(isNonEmptyString), `${s.id}: empty tryThis item`);
    assert.ok(Array.isArray(s.sources) && s.sources.length > 0, `${s.id}: sources`);
    assert.ok(s.sources.every((f) => /^\d{3}_[0-9a-f]{16}\.txt$/.test(f)), `${s.id}: source names look wrong`);
  }
});

test('the summary step links every factor of the formula to an existing step', () => {
  const ids = new Set(STEPS.map((s) => s.id));
  const summary = STEPS.find((s) => s.id === 'summary');
  assert.ok(Array.isArray(summary.formulaParts));
  assert.deepEqual(summary.formulaParts.map((p) => p.part), FORMULA_FACTORS);
  for (const p of summary.formulaParts) {
    assert.ok(isNonEmptyString(p.meaning), `${p.part}: meaning`);
    assert.ok(ids.has(p.stepId), `${p.part}: unknown stepId ${p.stepId}`);
  }
});

test('the glossary has at least 14 unique terms, each linked to an existing step', () => {
  const ids = new Set(STEPS.map((s) => s.id));
  assert.ok(GLOSSARY.length >= 14, `only ${GLOSSARY.length} terms`);
  assert.equal(new Set(GLOSSARY.map((g) => g.term.toLowerCase())).size, GLOSSARY.length, 'duplicate term');
  for (const g of GLOSSARY) {
    assert.ok(isNonEmptyString(g.term) && isNonEmptyString(g.meaning), `glossary entry ${g.term}`);
    assert.ok(ids.has(g.stepId), `${g.term}: unknown stepId ${g.stepId}`);
  }
});

test('there are 5–7 non-empty lesson objectives', () => {
  assert.ok(OBJECTIVES.length >= 5 && OBJECTIVES.length <= 7);
  assert.ok(OBJECTIVES.every(isNonEmptyString));
});

test('no text looks like HTML (no "<" followed by a letter)', () => {
  for (const [where, s] of strings({ STEPS, GLOSSARY, OBJECTIVES }, 'content')) {
    assert.ok(!/<[a-zA-Z]/.test(s), `${where} contains markup: ${s}`);
  }
});

test('no run of 9 consecutive words is shared with the lesson sources', (t) => {
  const srcDir = path.resolve(repoRoot, '../shared/lesson-sources');
  if (!fs.existsSync(srcDir)) {
    t.skip(`lesson sources not found at ${srcDir}`);
    return;
  }
  const K = 9;
  const words = (text) => text.toLowerCase().match(/[a-z0-9']+/g) ?? [];
  const grams = (ws) => {
    const out = [];
    for (let i = 0; i + K <= ws.length; i++) out.push(ws.slice(i, i + K).join(' '));
    return out;
  };
  const sourceGrams = new Set();
  for (const f of fs.readdirSync(srcDir).filter((f) => f.endsWith('.txt'))) {
    for (const g of grams(words(fs.readFileSync(path.join(srcDir, f), 'utf8')))) sourceGrams.add(g);
  }
  assert.ok(sourceGrams.size > 0, 'no source text was read');
  const sourceFiles = new Set(fs.readdirSync(srcDir));
  for (const s of STEPS) for (const f of s.sources) assert.ok(sourceFiles.has(f), `${s.id}: no source file ${f}`);
  for (const name of ['steps.js', 'glossary.js', 'objectives.js']) {
    const hits = grams(words(fs.readFileSync(path.join(contentDir, name), 'utf8'))).filter((g) => sourceGrams.has(g));
    assert.deepEqual(hits, [], `${name} shares ${hits.length} 9-word runs with the sources`);
  }
});

// The step texts that describe the small language model give its sizes in words; they must be
// the sizes of the model that ships (web/assets/lm/manifest.json, written by npm run train:lm).
test('the language model\'s sizes in the step texts are those of the shipped model', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'web/assets/lm/manifest.json'), 'utf8'));
  const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'];
  const { layers, heads, vocab } = manifest.config;
  const text = (id) => STEPS.find((s) => s.id === id).paragraphs.join(' ');
  const real = text('real-model');
  assert.ok(real.includes(`${WORDS[layers]} layers of ${WORDS[heads]} heads each`), 'step 23: layers and heads');
  assert.ok(real.includes(`all ${WORDS[layers * heads]} heads`), 'step 23: the grid\'s head count');
  assert.ok(real.includes(`${vocab.toLocaleString('en-US')} tokens`), 'step 23: the vocabulary');
  const thousands = Math.round(manifest.corpus.distinctSentences / 1000);
  assert.ok(real.includes(`about ${thousands},000 short English example sentences`), `step 23: the corpus (${manifest.corpus.distinctSentences} sentences)`);
  const steps = STEPS.map((s) => s.id);
  assert.ok(text('multi-head').includes(`The language model of step ${steps.indexOf('real-model') + 1}, trained on real English, has ${WORDS[heads]} heads in each of its ${WORDS[layers]} layers`), 'step 13: the language model\'s heads');
});
