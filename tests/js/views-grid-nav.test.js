// views-grid-nav.test.js — keyboard navigation maths of the heatmap grid.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { moveCell, pageSizeFor } from '../../web/src/views/grid-nav.js';

const g = { rows: 5, cols: 4 };

test('arrow keys move one cell and stop at the edges', () => {
  assert.deepEqual(moveCell({ row: 2, col: 1 }, 'ArrowUp', g), { row: 1, col: 1 });
  assert.deepEqual(moveCell({ row: 2, col: 1 }, 'ArrowDown', g), { row: 3, col: 1 });
  assert.deepEqual(moveCell({ row: 2, col: 1 }, 'ArrowLeft', g), { row: 2, col: 0 });
  assert.deepEqual(moveCell({ row: 2, col: 1 }, 'ArrowRight', g), { row: 2, col: 2 });
  assert.deepEqual(moveCell({ row: 0, col: 0 }, 'ArrowUp', g), { row: 0, col: 0 });
  assert.deepEqual(moveCell({ row: 0, col: 0 }, 'ArrowLeft', g), { row: 0, col: 0 });
  assert.deepEqual(moveCell({ row: 4, col: 3 }, 'ArrowDown', g), { row: 4, col: 3 });
  assert.deepEqual(moveCell({ row: 4, col: 3 }, 'ArrowRight', g), { row: 4, col: 3 });
});

test('Home/End go to the row ends; with Ctrl to the first/last cell', () => {
  assert.deepEqual(moveCell({ row: 2, col: 2 }, 'Home', g), { row: 2, col: 0 });
  assert.deepEqual(moveCell({ row: 2, col: 1 }, 'End', g), { row: 2, col: 3 });
  assert.deepEqual(moveCell({ row: 2, col: 2 }, 'Home', { ...g, ctrl: true }), { row: 0, col: 0 });
  assert.deepEqual(moveCell({ row: 2, col: 1 }, 'End', { ...g, ctrl: true }), { row: 4, col: 3 });
});

test('PageUp/PageDown jump several rows, clamped', () => {
  const big = { rows: 64, cols: 64 };
  assert.equal(pageSizeFor(64), 8);
  assert.equal(pageSizeFor(3), 4);
  assert.deepEqual(moveCell({ row: 10, col: 5 }, 'PageDown', big), { row: 18, col: 5 });
  assert.deepEqual(moveCell({ row: 10, col: 5 }, 'PageUp', big), { row: 2, col: 5 });
  assert.deepEqual(moveCell({ row: 60, col: 5 }, 'PageDown', big), { row: 63, col: 5 });
  assert.deepEqual(moveCell({ row: 1, col: 0 }, 'PageUp', { ...g, pageSize: 2 }), { row: 0, col: 0 });
});

test('other keys are not navigation; 1×1 grid stays put; out-of-range start is clamped', () => {
  assert.equal(moveCell({ row: 0, col: 0 }, 'Enter', g), null);
  assert.equal(moveCell({ row: 0, col: 0 }, 'a', g), null);
  assert.deepEqual(moveCell({ row: 0, col: 0 }, 'ArrowRight', { rows: 1, cols: 1 }), { row: 0, col: 0 });
  assert.deepEqual(moveCell({ row: 9, col: 9 }, 'ArrowUp', g), { row: 3, col: 3 });
  assert.equal(moveCell({ row: 0, col: 0 }, 'ArrowUp', { rows: 0, cols: 0 }), null);
});
