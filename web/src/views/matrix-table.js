// matrix-table.js — accessible numeric tables (Q, K, V, embeddings, any heatmap as a table):
// createMatrixTable draws a read-only <table> with <caption> and <th scope>, and shows a matrix
// larger than 16 × 16 one 16 × 16 window at a time (buttons move the window; table-window.js);
// createMatrixEditor makes every cell a labelled number input with in-words validation. Both
// update in place.

import { domFor, uid, clear, setAttrs, setText } from '../lib/dom.js';
import { formatNumber, displayLabel } from '../lib/format.js';
import { isMasked } from './color.js';
import { maskedMark } from './cell-text.js';
import { validateCellInput, inputShowsValue } from './matrix-input.js';
import { tableWindow, moveWindow } from './table-window.js';

/**
 * Row-major indices to highlight: { row, col } → that cell; { row } or col < 0 → the whole row;
 * row < 0 (or absent) with a col → the whole column; anything out of range → nothing.
 */
export function highlightedIndices(h, rows, cols) {
  if (!h) return [];
  const okRow = Number.isInteger(h.row) && h.row >= 0 && h.row < rows;
  const okCol = Number.isInteger(h.col) && h.col >= 0 && h.col < cols;
  const out = [];
  if (okRow && okCol) out.push(h.row * cols + h.col);
  else if (okRow && !(h.col >= 0)) for (let c = 0; c < cols; c += 1) out.push(h.row * cols + c);
  else if (okCol && !(h.row >= 0)) for (let r = 0; r < rows; r += 1) out.push(r * cols + h.col);
  return out;
}

function shapeKey(s) {
  return JSON.stringify([s.rows, s.cols, s.rowLabels ?? [], s.colLabels ?? [], s.cornerLabel ?? '']);
}

/** A view's spec check (tables and heatmaps): whole-number rows and cols (at least `least`) and rows × cols values. */
export function checkSpec({ values, rows, cols }, view = 'Matrix view', least = 0) {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < least || cols < least) {
    throw new RangeError(`${view}: rows and cols must be whole numbers${least ? ` of at least ${least}` : ''}.`);
  }
  if (!values || values.length !== rows * cols) {
    throw new RangeError(`${view}: expected ${rows * cols} values for ${rows} × ${cols}, got ${values ? values.length : 0}.`);
  }
}

/** Column header text: the given label, or "dimension n" (shown as "d n"). */
function colHeader(el, spec, c) {
  const given = spec.colLabels?.[c];
  if (given !== undefined && given !== null) return [displayLabel(given)];
  return [el('span', { 'aria-hidden': 'true' }, `d${c + 1}`), el('span', { class: 'al-sr-only' }, `dimension ${c + 1}`)];
}

function colName(spec, c) {
  const given = spec.colLabels?.[c];
  return given !== undefined && given !== null ? displayLabel(given) : `dimension ${c + 1}`;
}

/**
 * The caption twice: a real <caption> for assistive technology (visually hidden, because a
 * caption scrolls away with a wide table on a phone) and the same words shown above the scroller.
 */
function makeCaption(el, id, text) {
  const real = el('caption', { id: `${id}-cap`, class: 'al-sr-only' }, text);
  const visible = el('p', { class: 'al-table-title', 'aria-hidden': 'true', hidden: !text }, text);
  return {
    captionNode: { real, visible },
    setCaption(t) {
      setText(real, t);
      setText(visible, t);
      visible.hidden = !t;
    },
  };
}

// win: the rows and columns shown (all of them for the editor and small tables). tds[k] shows the
// value at index[k] of the row-major matrix.
function buildSkeleton(el, captionNode, spec, win = { rowStart: 0, rowEnd: spec.rows, colStart: 0, colEnd: spec.cols }) {
  const colsShown = Array.from({ length: win.colEnd - win.colStart }, (_, k) => win.colStart + k);
  const head = el('tr', null,
    el('td', { class: 'al-corner' }, spec.cornerLabel ? el('span', { class: 'al-corner-text' }, spec.cornerLabel) : null),
    colsShown.map((c) => el('th', { scope: 'col' }, colHeader(el, spec, c))));
  const bodyRows = [];
  const tds = [];
  const index = [];
  for (let r = win.rowStart; r < win.rowEnd; r += 1) {
    const tr = el('tr', null, el('th', { scope: 'row' }, displayLabel(spec.rowLabels?.[r], r + 1)));
    for (const c of colsShown) {
      const td = el('td');
      tr.appendChild(td);
      tds.push(td);
      index.push(r * spec.cols + c);
    }
    bodyRows.push(tr);
  }
  const table = el('table', { class: 'al-matrix' }, captionNode, el('thead', null, head), el('tbody', null, bodyRows));
  return { table, tds, index };
}

/**
 * createMatrixTable(container, { caption }) → { update(spec), destroy() }
 * spec = { values, rows, cols, rowLabels, colLabels, digits = 2,
 *          highlight?: {row, col} (a cell; col -1 → the whole row; row -1 → the whole column),
 *          caption?, cornerLabel?, maskedAs?: 'weight' (masked cells print 0.00 instead of −∞) }
 */
export function createMatrixTable(container, { caption = '' } = {}) {
  const { el } = domFor(container);
  const id = uid('al-mt');
  const { captionNode, setCaption } = makeCaption(el, id, caption);
  const wrap = el('div', { class: 'al-table-wrap', role: 'region', tabindex: '0', 'aria-labelledby': `${id}-cap` });
  // Paging for matrices larger than one window: where the window is, and buttons to move it.
  const windowText = el('p', { class: 'al-note al-table-window', id: `${id}-win`, 'aria-live': 'polite' });
  const pageButton = (text, axis, delta) => {
    const b = el('button', { type: 'button', class: 'al-button al-table-page' }, text);
    b.addEventListener('click', () => {
      const next = axis === 'row' ? moveWindow(at.row, last.rows, delta) : moveWindow(at.col, last.cols, delta);
      if (next === null) return;
      at[axis] = next;
      key = null;
      this_.update(last);
    });
    return b;
  };
  const pager = el('div', { class: 'al-controls al-table-pager', role: 'group', 'aria-label': 'Move the part of the table shown', hidden: true },
    windowText,
    pageButton('\u2191 Earlier rows', 'row', -1), pageButton('Later rows \u2193', 'row', 1),
    pageButton('\u2190 Earlier columns', 'col', -1), pageButton('Later columns \u2192', 'col', 1));
  const outer = el('div', { class: 'al-matrix-view' }, captionNode.visible, pager, wrap);
  container.appendChild(outer);
  let key = null;
  let labelKey = null;
  let cells = [];
  let index = [];
  let rowHeads = [];
  let marked = [];
  let last = null;
  const at = { row: 0, col: 0 };
  let win = null;

  const this_ = {
    element: outer,
    update(spec) {
      checkSpec(spec);
      last = spec;
      if (spec.caption !== undefined) setCaption(spec.caption);
      win = tableWindow(spec.rows, spec.cols, at.row, at.col);
      at.row = win.rowStart;
      at.col = win.colStart;
      // The table is rebuilt only when its shape or window changes; new labels alone (one word
      // of the sentence edited) are written into the existing header cells.
      const k = `${spec.rows},${spec.cols},${spec.cornerLabel ?? ''}|${win.rowStart},${win.colStart}`;
      const labels = shapeKey(spec);
      if (k === key && labels !== labelKey) {
        const heads = wrap.querySelector('thead tr').cells;
        for (let c = win.colStart; c < win.colEnd; c += 1) heads[c - win.colStart + 1].replaceChildren(...colHeader(el, spec, c));
        rowHeads.forEach((th, i) => setText(th, displayLabel(spec.rowLabels?.[win.rowStart + i], win.rowStart + i + 1)));
        labelKey = labels;
      }
      if (k !== key) {
        labelKey = labels;
        clear(wrap);
        const built = buildSkeleton(el, captionNode.real, spec, win);
        wrap.appendChild(built.table);
        index = built.index;
        rowHeads = Array.from(built.table.tBodies[0].rows, (tr) => tr.cells[0]);
        cells = built.tds.map((td) => {
          const value = el('span', { class: 'al-value' });
          const note = el('span', { class: 'al-sr-only' });
          td.append(value, note);
          return { td, value, note };
        });
        key = k;
        marked = [];
        pager.hidden = !win.windowed;
        setText(windowText, win.text);
        const [upR, downR, leftC, rightC] = pager.querySelectorAll('button');
        upR.disabled = moveWindow(at.row, spec.rows, -1) === null;
        downR.disabled = moveWindow(at.row, spec.rows, 1) === null;
        leftC.disabled = moveWindow(at.col, spec.cols, -1) === null;
        rightC.disabled = moveWindow(at.col, spec.cols, 1) === null;
      }
      const digits = spec.digits ?? 2;
      const mark = maskedMark(spec); // −∞, or 0.00 for a masked weight
      cells.forEach(({ td, value, note }, k2) => {
        const v = spec.values[index[k2]];
        const masked = isMasked(v);
        const text = masked ? mark : formatNumber(v, digits);
        if (value.textContent !== text) setText(value, text); // unchanged cells are not touched
        if (td.classList.contains('al-cell-masked') !== masked) td.classList.toggle('al-cell-masked', masked);
        if (td.classList.contains('al-negative') !== (!masked && v < 0)) td.classList.toggle('al-negative', !masked && v < 0);
        const noteText = masked ? ' (masked)' : '';
        if (note.textContent !== noteText) setText(note, noteText);
      });
      // the highlighted cells (and row header) now; only the ones that change are written
      const next = new Set();
      const shown = new Map(index.map((v, k2) => [v, k2]));
      for (const i of highlightedIndices(spec.highlight, spec.rows, spec.cols)) {
        const k2 = shown.get(i);
        if (k2 !== undefined) next.add(cells[k2].td); // (else outside the window shown)
      }
      const h = spec.highlight;
      const head = h && Number.isInteger(h.row) && h.row >= win.rowStart && h.row < win.rowEnd && !(h.col >= 0) ? rowHeads[h.row - win.rowStart] : null;
      for (const node of marked) {
        if (next.has(node) || node === head) continue;
        node.classList.remove('al-cell-highlight', 'al-row-highlight');
        node.removeAttribute('aria-current');
      }
      for (const td of next) {
        if (!td.classList.contains('al-cell-highlight')) td.classList.add('al-cell-highlight');
        setAttrs(td, { 'aria-current': 'true' });
      }
      if (head && !head.classList.contains('al-row-highlight')) head.classList.add('al-row-highlight');
      marked = [...next, ...(head ? [head] : [])];
    },
    destroy() {
      outer.remove();
      cells = [];
    },
  };
  return this_;
}

/**
 * createMatrixEditor(container, { caption, onChange(values: Float32Array), min, max, step })
 * → { update(spec), destroy() }; spec = { values, rows, cols, rowLabels, colLabels, digits = 2 }.
 * Each cell is <input type=number> labelled "love, dimension 1"; invalid entries show a message
 * (aria-invalid + aria-describedby) and never call onChange. update() never rewrites the input the
 * learner is typing in, and only rebuilds the table when the shape or labels change.
 */
export function createMatrixEditor(container, { caption = '', onChange = () => {}, min = -10, max = 10, step = 0.1 } = {}) {
  const { el } = domFor(container);
  const id = uid('al-me');
  const { captionNode, setCaption } = makeCaption(el, id, caption);
  const wrap = el('div', { class: 'al-table-wrap al-editor' });
  const outer = el('div', { class: 'al-matrix-view' }, captionNode.visible, wrap);
  container.appendChild(outer);
  let key = null;
  let cells = [];
  let values = new Float32Array(0);
  let digits = 2;
  let editing = null; // the input that has focus

  function setError(cell, message) {
    if (message) {
      setText(cell.error, message);
      cell.error.hidden = false;
      cell.input.setAttribute('aria-invalid', 'true');
      cell.input.setAttribute('aria-describedby', cell.error.id);
    } else if (cell.invalid) {
      setText(cell.error, '');
      cell.error.hidden = true;
      cell.input.removeAttribute('aria-invalid');
      cell.input.removeAttribute('aria-describedby');
    }
    cell.invalid = !!message;
  }

  function check(cell, showMessage) {
    const result = validateCellInput(cell.input.value, { min, max, badInput: cell.input.validity?.badInput });
    if (!result.ok) {
      if (showMessage || cell.invalid) setError(cell, result.message);
      return;
    }
    setError(cell, null);
    if (values[cell.index] !== Math.fround(result.value)) {
      values[cell.index] = result.value;
      cell.lastValid = values[cell.index];
      onChange(Float32Array.from(values));
    }
  }

  function build(spec) {
    clear(wrap);
    const { table, tds } = buildSkeleton(el, captionNode.real, spec);
    wrap.appendChild(table);
    cells = tds.map((td, i) => {
      const r = Math.floor(i / spec.cols);
      const c = i % spec.cols;
      const input = el('input', {
        type: 'number', inputmode: 'decimal', min: String(min), max: String(max), step: String(step),
        id: `${id}-r${r}c${c}`, class: 'al-input',
        'aria-label': `${displayLabel(spec.rowLabels?.[r], r + 1)}, ${colName(spec, c)}`,
      });
      const error = el('span', { class: 'al-error', id: `${id}-r${r}c${c}-err`, hidden: true });
      td.append(input, error);
      const cell = { input, error, index: i, invalid: false, lastValid: NaN };
      input.addEventListener('input', () => check(cell, false));
      input.addEventListener('change', () => check(cell, true));
      input.addEventListener('focus', () => { editing = input; });
      input.addEventListener('blur', () => { if (editing === input) editing = null; check(cell, true); });
      return cell;
    });
  }

  return {
    element: outer,
    update(spec) {
      checkSpec(spec);
      if (spec.caption !== undefined) setCaption(spec.caption);
      digits = spec.digits ?? 2;
      const k = shapeKey(spec);
      if (k !== key) { build(spec); key = k; }
      values = Float32Array.from(spec.values);
      for (const cell of cells) {
        const v = values[cell.index];
        if (cell.input === editing) continue; // never overwrite what the learner is typing
        if (cell.invalid && v === cell.lastValid) continue; // keep the wrong entry and its message
        if (!inputShowsValue(cell.input.value, v, digits)) cell.input.value = Number.isFinite(v) ? v.toFixed(digits) : '';
        cell.lastValid = v;
        setError(cell, null);
      }
    },
    destroy() {
      outer.remove();
      cells = [];
    },
  };
}
