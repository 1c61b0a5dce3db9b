// table-window.js — which part of a large matrix a table shows. A 64 × 64 matrix as a table is
// 4,096 cells (and a multi-head step shows nine of them), which makes the page slow to open and
// long to read with a screen reader; so tables larger than WINDOW × WINDOW show one window of
// WINDOW rows and WINDOW columns at a time, with buttons to move it. Pure, no DOM.

export const WINDOW = 16;

/**
 * The window of a rows × cols matrix starting near (rowStart, colStart), clamped to the matrix.
 * → { rowStart, rowEnd, colStart, colEnd (ends exclusive), windowed, text }
 */
export function tableWindow(rows, cols, rowStart = 0, colStart = 0, size = WINDOW) {
  const clampStart = (start, total) => Math.max(0, Math.min(Math.max(0, total - size), Math.floor(start / size) * size));
  const windowed = rows > size || cols > size;
  if (!windowed) return { rowStart: 0, rowEnd: rows, colStart: 0, colEnd: cols, windowed, text: '' };
  const r0 = rows > size ? clampStart(rowStart, rows) : 0;
  const c0 = cols > size ? clampStart(colStart, cols) : 0;
  const r1 = Math.min(rows, r0 + size), c1 = Math.min(cols, c0 + size);
  return {
    rowStart: r0, rowEnd: r1, colStart: c0, colEnd: c1, windowed,
    text: `Showing rows ${r0 + 1}–${r1} and columns ${c0 + 1}–${c1} of ${rows} × ${cols}.`,
  };
}

/** The start after a move by `delta` windows along one axis, or null when it cannot move. */
export function moveWindow(start, total, delta, size = WINDOW) {
  if (total <= size) return null;
  const next = start + delta * size;
  if (next < 0 || next >= total) return null;
  return Math.min(next, Math.max(0, total - size));
}
