// grid-nav.js — keyboard navigation maths for the heatmap grid (WAI-ARIA grid pattern):
// arrows, Home/End (row start/end; with Ctrl: first/last cell), PageUp/PageDown.

/** Rows moved by PageUp/PageDown for a grid of `rows` rows. */
export function pageSizeFor(rows) {
  return Math.max(4, Math.ceil(rows / 8));
}

/**
 * The cell to focus after `key`, or null if the key is not a navigation key.
 * @param {{row:number,col:number}} cell current cell
 * @param {string} key KeyboardEvent.key
 * @param {{rows:number, cols:number, ctrl?:boolean, pageSize?:number}} grid
 */
export function moveCell(cell, key, { rows, cols, ctrl = false, pageSize = pageSizeFor(rows) }) {
  if (!(rows > 0 && cols > 0)) return null;
  const clampR = (r) => Math.max(0, Math.min(rows - 1, r));
  const clampC = (c) => Math.max(0, Math.min(cols - 1, c));
  const row = clampR(cell.row);
  const col = clampC(cell.col);
  switch (key) {
    case 'ArrowUp': return { row: clampR(row - 1), col };
    case 'ArrowDown': return { row: clampR(row + 1), col };
    case 'ArrowLeft': return { row, col: clampC(col - 1) };
    case 'ArrowRight': return { row, col: clampC(col + 1) };
    case 'Home': return ctrl ? { row: 0, col: 0 } : { row, col: 0 };
    case 'End': return ctrl ? { row: rows - 1, col: cols - 1 } : { row, col: cols - 1 };
    case 'PageUp': return { row: clampR(row - pageSize), col };
    case 'PageDown': return { row: clampR(row + pageSize), col };
    default: return null;
  }
}
