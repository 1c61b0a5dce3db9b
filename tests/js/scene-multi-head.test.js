// Step 13's model (web/src/steps/13-multi-head/) on the real engine: h heads of width 16/h, the
// concatenation n × h·d_v = n × 16 and the output n × d_model whatever h is, every head's rows sum
// to 1, heads differ (different random projections), and each head's named key is its row maximum.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../wasm/engine.js';
import { model } from '../../web/src/steps/13-multi-head/model.js';
import { INPUTS } from '../../web/src/steps/13-multi-head/inputs.js';
import { maxAbsDiff, rowSums } from '../../web/src/lib/matrix.js';
import { schemaDefaults } from '../../web/src/state.js';

let engine;
before(async () => { engine = await createEngine(); });
const run = (patch) => model({ ...schemaDefaults(INPUTS), ...patch }, engine);

test('for h = 1, 2, 4, 8: heads of width 16/h, concatenation n × 16, output n × 16', () => {
  for (const h of [1, 2, 4, 8]) {
    const m = run({ heads: h });
    assert.equal(m.heads.length, h);
    assert.equal(m.dK, 16 / h);
    assert.equal(m.concatCols, 16);
    assert.equal(m.outCols, 16);
    assert.equal(m.headShape, `11 × ${16 / h} (d_k = d_model / h = 16 / ${h})`);
    assert.equal(m.concatNote, ` — n × h·d_v = 11 × ${h}·${16 / h}`);
    for (const w of m.heads) for (const s of rowSums(w, m.n, m.n)) assert.ok(Math.abs(s - 1) < 1e-5);
  }
});

test('heads differ, and each head’s named key is the largest weight in the query’s row', () => {
  const m = run({});
  assert.ok(maxAbsDiff(m.heads[0], m.heads[1]) > 0.01, 'two heads look at the sentence differently');
  assert.equal(m.tokens[m.query], 'it');
  m.best.forEach((b, k) => {
    const row = Array.from(m.heads[k].slice(m.query * m.n, (m.query + 1) * m.n));
    assert.equal(b.value, Math.max(...row));
    assert.ok(m.argmax.includes(`head ${k + 1} → ‘${m.tokens[b.col]}’ ${b.value.toFixed(2)}`), m.argmax);
  });
});

test('a selected head or query past the end moves to the last one; announcements count heads in words', () => {
  const m = run({ heads: 2, head: 7, query: 60 });
  assert.equal(m.head, 1);
  assert.equal(m.query, m.n - 1);
  assert.equal(run({ heads: 1 }).headsAnnounce, '1 head of width 16.');
  assert.equal(run({ heads: 8 }).headsAnnounce, '8 heads of width 2.');
});
