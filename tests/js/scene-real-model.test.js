// Step 23's model (web/src/steps/23-real-model/model.js) on the real language model: every head's
// rows sum to 1 and are causal, the next-word list is the model's and sums to at most 1, unknown
// words are the ones outside the vocabulary, each preset's verdict follows from the weights by
// the stated rule, the roles are the manifest's and a fresh measurement on the sentence; and
// the loader says in words when the model cannot be loaded, and tries again later.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { openShippedForPage } from '../../scripts/lm/open-model.mjs';
import { model } from '../../web/src/steps/23-real-model/model.js';
import { readSentence, sizeLine, unreadableText, NAMED_SHARE, OVER_EVEN, TOP_WORDS } from '../../web/src/steps/23-real-model/read-sentence.js';
import { INPUTS, PRESETS, DEFAULT_SENTENCE } from '../../web/src/steps/23-real-model/inputs.js';
import { measureHeadRoles } from '../../web/src/lib/head-roles.js';
import { lessonLanguageModel } from '../../web/src/steps/language-model-loader.js';
import { schemaDefaults } from '../../web/src/state.js';

let loaded;
before(async () => {
  loaded = await openShippedForPage();
});
const values = (patch = {}) => ({ ...schemaDefaults(INPUTS), ...patch });

test('every head of every layer: rows sum to 1, nothing on later tokens; the grid is L × H', () => {
  const m = readSentence(loaded, values({ sentence: 'The cat sat on the mat near my grandmother' }));
  const { layers, heads } = loaded.lm.config;
  assert.equal(m.grid.length, layers);
  m.grid.forEach((row) => assert.equal(row.length, heads));
  assert.ok(m.worstRowSum < 1e-5, `worst row sum error ${m.worstRowSum}`);
  for (const g of m.grid.flat()) {
    for (let i = 0; i < m.n; i++) for (let j = i + 1; j < m.n; j++) assert.equal(g.values[i * m.n + j], 0);
    // the text alternative names each query's strongest key, with its weight
    for (let i = 0; i < m.n; i++) {
      const row = Array.from(g.values.subarray(i * m.n, i * m.n + i + 1));
      const best = row.indexOf(Math.max(...row));
      assert.ok(g.summary.includes(`${m.labels[i]} \u2192 ${m.labels[best]} `), `${g.title}, query ${i}`);
    }
  }
});

test('the next words are the model\'s own top 5, most likely first, summing to at most 1', () => {
  const sentence = 'I would like a cup of';
  const m = readSentence(loaded, values({ sentence }));
  const direct = loaded.lm.predictNext(sentence, TOP_WORDS);
  assert.deepEqual(m.prediction.words.map((w) => w.token), direct.map((d) => d.token));
  m.prediction.words.forEach((w, i) => assert.equal(w.probability, direct[i].probability));
  assert.ok(m.prediction.total <= 1 && m.prediction.total > 0);
  for (let i = 1; i < m.prediction.words.length; i++) assert.ok(m.prediction.words[i - 1].probability >= m.prediction.words[i].probability);
  assert.equal(m.prediction.words.find((w) => w.token === '<s>')?.label ?? 'end of sentence (<s>)', 'end of sentence (<s>)');
});

test('unknown words are exactly the ones outside the vocabulary, and the line names them', () => {
  const m = readSentence(loaded, values({ sentence: PRESETS[0].text }));
  const vocab = new Set(loaded.lm.vocabulary);
  assert.deepEqual(m.unknown, m.words.filter((w) => !vocab.has(w.text)).map((w) => w.text));
  assert.deepEqual(m.unknown, ['bubbe', 'matzah']);
  assert.match(m.unknownLine, /^2 of 7 words are not among the 4,000 tokens/);
  assert.ok(m.labels.includes('bubbe*') && m.labels.includes('matzah*'));
  assert.match(readSentence(loaded, values({ sentence: 'the cat sat' })).unknownLine, /knows every word/);
});

test('each preset: every documented link is measured, and its verdict follows from the weights by the naming rule', () => {
  for (const p of PRESETS) {
    const m = readSentence(loaded, values({ sentence: p.text, query: p.query }));
    assert.equal(m.preset, p.id);
    assert.equal(m.tokens[p.query].text, p.links[0].query, `${p.id}: the preset's query is its first link's query word`);
    assert.equal(m.presetLines.length, p.links.length);
    const { layers } = loaded.lm.attend(p.text);
    m.presetLines.forEach((line, i) => {
      const qi = m.tokens.findIndex((t, k) => k > 0 && t.text === p.links[i].query);
      const ki = m.tokens.findIndex((t, k) => k > 0 && t.text === p.links[i].key);
      const all = layers.flat().map((w) => w[qi * m.n + ki]);
      if (ki > qi) {
        assert.equal(line.verdict, 'masked');
        all.forEach((v) => assert.equal(v, 0));
        assert.match(line.line, /causal mask hides every later word/);
        return;
      }
      const best = Math.max(...all);
      assert.equal(line.weight, best);
      const even = 1 / (qi + 1);
      assert.equal(line.verdict, best >= NAMED_SHARE && best >= OVER_EVEN * even ? 'appears' : 'absent', line.line);
      assert.ok(line.line.includes(best.toFixed(2)), line.line);
    });
  }
  // What this model measurably does on the lesson's presets (checked against the weights above):
  const byId = Object.fromEntries(PRESETS.map((p) => [p.id, readSentence(loaded, values({ sentence: p.text })).presetLines]));
  assert.equal(byId.animal[0].verdict, 'absent', '"it" → "animal" does not appear at this size');
  assert.equal(byId.apple[0].verdict, 'masked', '"apple" cannot see the later "phones"');
  // A link that "appears" only because the previous-word head looks one back says so; no other line does.
  for (const lines of Object.values(byId)) {
    for (const l of lines) {
      const role = loaded.manifest.headRoles.heads.find((r) => r.layer === l.layer + 1 && r.head === l.head + 1)?.role;
      const oneBack = l.verdict === 'appears' && role === 'previous' && PRESETS.some((p) => {
        const t = readSentence(loaded, values({ sentence: p.text })).tokens.map((x) => x.text);
        return t.indexOf(l.key, 1) === t.indexOf(l.query, 1) - 1;
      });
      assert.equal(/is the previous-word head/.test(l.line), oneBack, l.line);
    }
  }
  assert.ok(Object.values(byId).flat().some((l) => /is the previous-word head/.test(l.line)), 'made → bubbe and phones → apple are such links');
});

test('roles: the manifest\'s held-out measurement, and the same measurement again on the sentence', () => {
  const sentence = 'The cat sat on the mat';
  const m = readSentence(loaded, values({ sentence }));
  const live = measureHeadRoles(loaded.lm, [sentence], loaded.manifest.posTags.tags);
  for (const g of m.grid.flat()) {
    const held = loaded.manifest.headRoles.heads.find((r) => r.layer === g.layer + 1 && r.head === g.head + 1);
    const now = live.heads.find((r) => r.layer === g.layer + 1 && r.head === g.head + 1);
    assert.equal(g.role, held.role);
    assert.equal(g.liveRole, now.role);
    assert.ok(g.heldLine.includes(held.share.toFixed(2)), g.heldLine);
    assert.ok(g.liveLine.includes(now.share.toFixed(2)), g.liveLine);
  }
  // at least three heads carry a measured name on held-out text (the target)
  assert.ok(m.grid.flat().filter((g) => g.role !== 'spread').length >= 3);
  const short = readSentence(loaded, values({ sentence: 'hello' }));
  assert.match(short.grid[0][0].liveLine, /too short to measure/);
});

test('the enlarged head, the query clamp, and sentences the model cannot read', () => {
  const m = readSentence(loaded, values({ sentence: 'the dog barked', layer: 2, head: 3, query: 31 }));
  assert.equal(m.query, m.n - 1);
  assert.equal(m.focus.bars.length, m.n);
  assert.ok(Math.abs(m.focus.bars.reduce((s, b) => s + b.value, 0) - 1) < 1e-5);
  const early = readSentence(loaded, values({ sentence: 'the dog barked', query: 1 }));
  assert.match(early.focus.readout, /The later 2 tokens are hidden by the causal mask/);
  const long = readSentence(loaded, values({ sentence: 'word '.repeat(40) }));
  assert.match(long.error, /at most 31 words .* this text has 40\.$/);
  // What is on screen is said as it is: the last maps, or (a reload with this text) nothing yet.
  assert.match(unreadableText(long, true), /Shorten it: the maps still show the last sentence that fitted\.$/);
  assert.match(unreadableText(long, false), /Shorten it: nothing is drawn until it fits\.$/);
  assert.match(readSentence(loaded, values({ sentence: '   ' })).tokens.map((t) => t.text).join(' '), /animal/);
  assert.equal(model(values({ sentence: ' ' })).emptyNote, `The sentence is empty, so the example \u201c${DEFAULT_SENTENCE}\u201d is shown.`);
  assert.match(sizeLine(loaded), /^The model: 291,944 bytes \(285\.1 KiB\) of 8-bit weights, 249,792 numbers; 2 layers × 4 heads, d_model 48/);
});

test('the loader: a failure is said in words, and a later call tries again', async () => {
  const engine = {};
  let calls = 0;
  const failing = async () => { calls++; throw new Error('HTTP 404.'); };
  await assert.rejects(lessonLanguageModel(engine, failing), /^Error: The language model could not be loaded, so this step cannot show it\. HTTP 404\.$/);
  const ok = await lessonLanguageModel(engine, async () => { calls++; return { lm: 'x' }; });
  assert.deepEqual(ok, { lm: 'x' });
  assert.equal(await lessonLanguageModel(engine, failing).then((r) => r.lm), 'x', 'one load per engine once it worked');
  assert.equal(calls, 2);
});
