// views-matrix-text.test.js — summarizeMatrix (one-sentence matrix summary) and describeCell
// (hover / focus readout and screen-reader cell text), and what a masked cell says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { summarizeMatrix, rowsSumToOne } from '../../web/src/views/summarize-matrix.js';
import { describeCell, rowHeaderText, colHeaderText, MASKED_TEXT, maskedMark, maskedMeaning } from '../../web/src/views/cell-text.js';

const apple = ['Apple', 'ate', 'apple'];

test('softmax weights: shape, row sums and the strongest cell', () => {
  const s = summarizeMatrix({
    values: [0.5, 0.3, 0.2, 0.1, 0.45, 0.45, 0.2, 0.3, 0.5], rows: 3, cols: 3,
    rowLabels: apple, colLabels: apple, stage: 'softmax weights',
  });
  assert.equal(s, "3×3 softmax weights; every row sums to 1.00; strongest: 'Apple' → 'Apple' 0.50.");
});

test('scores: min and max with their cells, no row-sum claim', () => {
  const s = summarizeMatrix({
    values: new Float32Array([1, -2.5, 0, 3.25]), rows: 2, cols: 2,
    rowLabels: ['a', 'b'], colLabels: ['a', 'b'], stage: 'raw scores',
  });
  assert.equal(s, "2×2 raw scores; from −2.50 ('a' → 'b') to 3.25 ('b' → 'b').");
  assert.ok(!s.includes('sums'));
});

test('masked cells are counted and ignored for min/max and row sums', () => {
  const w = [1, -Infinity, -Infinity, 0.4, 0.6, -Infinity, 0.2, 0.3, 0.5];
  const s = summarizeMatrix({ values: w, rows: 3, cols: 3, rowLabels: apple, colLabels: apple, stage: 'causal weights' });
  assert.match(s, /every row sums to 1\.00/);
  // the first row sees only "Apple", so its 1.00 says nothing: the strongest is looked for elsewhere
  assert.match(s, /strongest: 'ate' → 'ate' 0\.60 \(row 'Apple' sees one key only, so its 1\.00 there is forced\)/);
  assert.match(s, /3 of 9 cells masked \(−∞\)\.$/);
  // several such rows are counted; when every row has one visible key, its cell is the strongest
  const two = [1, -Infinity, -Infinity, -Infinity, 1, -Infinity, 0.2, 0.3, 0.5];
  assert.match(summarizeMatrix({ values: two, rows: 3, cols: 3, rowLabels: apple, colLabels: apple }), /strongest: 'apple' → 'apple' 0\.50 \(2 rows see one key only, so their 1\.00 there is forced\)/);
  const diagonal = [1, -Infinity, -Infinity, 1];
  assert.match(summarizeMatrix({ values: diagonal, rows: 2, cols: 2, rowLabels: ['x', 'y'], colLabels: ['x', 'y'] }), /strongest: 'x' → 'x' 1\.00; 2 of 4/);
  // an unmasked row with one large weight is a choice, not forced
  assert.match(summarizeMatrix({ values: [1, 0, 0.4, 0.6], rows: 2, cols: 2, rowLabels: ['x', 'y'], colLabels: ['x', 'y'] }), /strongest: 'x' → 'x' 1\.00\.$/);
  const scores = [2, -Infinity, NaN, -1];
  const t = summarizeMatrix({ values: scores, rows: 2, cols: 2, stage: 'masked scores' });
  assert.equal(t, "2×2 masked scores; from −1.00 ('2' → '2') to 2.00 ('1' → '1'); 2 of 4 cells masked (−∞).");
});

test('digits are honoured', () => {
  const s = summarizeMatrix({ values: [0.12345, 0.87655], rows: 1, cols: 2, rowLabels: ['x'], colLabels: ['x', 'y'], stage: 'w', digits: 3 });
  assert.equal(s, "1×2 w; every row sums to 1.000; strongest: 'x' → 'y' 0.877.");
});

test('edge cases: 1×1, all masked, constant, empty, default labels and stage', () => {
  assert.equal(summarizeMatrix({ values: [1], rows: 1, cols: 1, rowLabels: ['Hi'], colLabels: ['Hi'], stage: 'softmax weights' }),
    "1×1 softmax weights; every row sums to 1.00; strongest: 'Hi' → 'Hi' 1.00.");
  assert.equal(summarizeMatrix({ values: [-Infinity, -Infinity], rows: 1, cols: 2, stage: 'scores' }),
    '1×2 scores; all 2 cells are masked (−∞).');
  assert.equal(summarizeMatrix({ values: [2, 2, 2, 2], rows: 2, cols: 2, stage: 'scores' }),
    '2×2 scores; every value is 2.00.');
  assert.equal(summarizeMatrix({ values: [], rows: 0, cols: 0 }), '0×0 values: empty.');
});

test('rowsSumToOne rejects negative values and fully masked rows', () => {
  assert.equal(rowsSumToOne([0.5, 0.5], 1, 2), true);
  assert.equal(rowsSumToOne([1.5, -0.5], 1, 2), false);
  assert.equal(rowsSumToOne([-Infinity, -Infinity, 0.5, 0.5], 2, 2), false);
  assert.equal(rowsSumToOne([0.5, 0.49], 1, 2), false);
});

test('describeCell: plain readout with token labels and the masked explanation', () => {
  const spec = { values: [0.41, -Infinity, NaN, -0.5], rows: 2, cols: 2, rowLabels: ['cat', ''], colLabels: ['sat', 'mat'] };
  assert.equal(describeCell(spec, 0, 0), "query 'cat' → key 'sat': 0.41");
  assert.equal(describeCell(spec, 0, 1), "query 'cat' → key 'mat': masked (−∞): this key is hidden from this query");
  assert.equal(describeCell(spec, 1, 0), `query '(empty)' → key 'sat': ${MASKED_TEXT}`);
  assert.equal(describeCell(spec, 1, 1), "query '(empty)' → key 'mat': −0.50");
  const custom = { ...spec, rowAxisTitle: 'token', colAxisTitle: 'dimension', digits: 1 };
  assert.equal(describeCell(custom, 1, 1), "token '(empty)' → dimension 'mat': −0.5");
  assert.equal(rowHeaderText({ rowLabels: [] }, 2), "query '3'");
  assert.equal(colHeaderText({ colLabels: ['<b>x</b>'] }, 0), "key '<b>x</b>'");
});

test('masked softmax weights (maskedAs: weight): every text says the hidden key has weight 0, never −∞', () => {
  const spec = { values: [1, -Infinity, 0.25, 0.75], rows: 2, cols: 2, rowLabels: ['I', 'love'], colLabels: ['I', 'love'], stage: 'softmax weights', maskedAs: 'weight' };
  assert.equal(summarizeMatrix(spec), "2×2 softmax weights; every row sums to 1.00; strongest: 'love' → 'love' 0.75 (row 'I' sees one key only, so its 1.00 there is forced); 1 of 4 cells masked (weight 0).");
  assert.equal(describeCell(spec, 0, 1), "query 'I' → key 'love': masked: this key is hidden from this query, so its weight is 0.00");
  assert.equal(maskedMark(spec), '0.00');
  assert.equal(maskedMark({ ...spec, digits: 3 }), '0.000');
  assert.equal(maskedMeaning(spec), 'weight 0');
  // scores (the default) keep −∞
  const scores = { ...spec, maskedAs: undefined, stage: 'masked scores' };
  assert.equal(maskedMark(scores), '−∞');
  assert.match(summarizeMatrix(scores), /1 of 4 cells masked \(−∞\)\.$/);
  assert.equal(describeCell(scores, 0, 1), `query 'I' → key 'love': ${MASKED_TEXT}`);
});
