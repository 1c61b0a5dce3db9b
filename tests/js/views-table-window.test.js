// views-table-window.test.js — the window a large matrix table shows (web/src/views/table-window.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tableWindow, moveWindow, WINDOW } from '../../web/src/views/table-window.js';

test('small matrices are shown whole; large ones one 16 × 16 window at a time, said in words', () => {
  assert.deepEqual(tableWindow(3, 3), { rowStart: 0, rowEnd: 3, colStart: 0, colEnd: 3, windowed: false, text: '' });
  const w = tableWindow(64, 64);
  assert.equal(WINDOW, 16);
  assert.equal((w.rowEnd - w.rowStart) * (w.colEnd - w.colStart), 256, '256 cells instead of 4,096');
  assert.equal(w.text, 'Showing rows 1–16 and columns 1–16 of 64 × 64.');
  assert.equal(tableWindow(64, 8).colEnd, 8, 'a narrow matrix keeps all its columns');
  assert.equal(tableWindow(40, 40, 39, 20).text, 'Showing rows 25–40 and columns 17–32 of 40 × 40.');
});

test('moving the window stops at the edges', () => {
  assert.equal(moveWindow(0, 64, 1), 16);
  assert.equal(moveWindow(48, 64, 1), null);
  assert.equal(moveWindow(0, 64, -1), null);
  assert.equal(moveWindow(16, 40, 1), 24, 'the last window ends at the last row');
  assert.equal(moveWindow(0, 10, 1), null, 'nothing to move in a small table');
});
