// matrix-table.js — accessible numeric tables for small matrices (Q, K, V, embeddings):
// createMatrixTable draws a read-only <table> with <caption> and <th scope>; createMatrixEditor
// makes every cell a labelled number input with in-words validation. Both update in place.

import { domFor, uid, clear } from '../lib/dom.js';
import { formatNumber, displayLabel } from '../lib/format.js';
import { isMasked } from './color.js';
import { validateCellInput, inputShowsValue } from './matrix-input.js';

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

function checkSpec({ values, rows, cols }) {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
    throw new RangeError('Matrix view: rows and cols must be whole numbers.');
  }
  if (!values || values.length !== rows * cols) {
    throw new RangeError(`Matrix view: expected ${rows * cols} values for ${rows} × ${cols}, got ${values ? values.length : 0}.`);
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
      real.textContent = t;
      visible.textContent = t;
      visible.hidden = !t;
    },
  };
}

function buildSkeleton(el, captionNode, spec) {
  const head = el('tr', null,
    el('td', { class: 'al-corner' }, spec.cornerLabel ? el('span', { class: 'al-corner-text' }, spec.cornerLabel) : null),
    Array.from({ length: spec.cols }, (_, c) => el('th', { scope: 'col' }, colHeader(el, spec, c))));
  const bodyRows = [];
  const tds = [];
  for (let r = 0; r < spec.rows; r += 1) {
    const tr = el('tr', null, el('th', { scope: 'row' }, displayLabel(spec.rowLabels?.[r], r + 1)));
    for (let c = 0; c < spec.cols; c += 1) {
      const td = el('td');
      tr.appendChild(td);
      tds.push(td);
    }
    bodyRows.push(tr);
  }
  const table = el('table', { class: 'al-matrix' }, captionNode, el('thead', null, head), el('tbody', null, bodyRows));
  return { table, tds };
}

/**
 * createMatrixTable(container, { caption }) → { update(spec), destroy() }
 * spec = { values, rows, cols, rowLabels, colLabels, digits = 2,
 *          highlight?: {row, col} (a cell; col -1 → the whole row; row -1 → the whole column),
 *          caption?, cornerLabel? }
 */
export function createMatrixTable(container, { caption = '' } = {}) {
  const { el } = domFor(container);
  const id = uid('al-mt');
  const { captionNode, setCaption } = makeCaption(el, id, caption);
  const wrap = el('div', { class: 'al-table-wrap', role: 'region', tabindex: '0', 'aria-labelledby': `${id}-cap` });
  const outer = el('div', { class: 'al-matrix-view' }, captionNode.visible, wrap);
  container.appendChild(outer);
  let key = null;
  let cells = [];
  let rowHeads = [];
  let marked = [];

  return {
    element: outer,
    update(spec) {
      checkSpec(spec);
      if (spec.caption !== undefined) setCaption(spec.caption);
      const k = shapeKey(spec);
      if (k !== key) {
        clear(wrap);
        const { table, tds } = buildSkeleton(el, captionNode.real, spec);
        wrap.appendChild(table);
        rowHeads = Array.from(table.tBodies[0].rows, (tr) => tr.cells[0]);
        cells = tds.map((td) => {
          const value = el('span', { class: 'al-value' });
          const note = el('span', { class: 'al-sr-only' });
          td.append(value, note);
          return { td, value, note };
        });
        key = k;
        marked = [];
      }
      const digits = spec.digits ?? 2;
      cells.forEach(({ td, value, note }, i) => {
        const v = spec.values[i];
        value.textContent = formatNumber(v, digits);
        const masked = isMasked(v);
        td.classList.toggle('al-cell-masked', masked);
        td.classList.toggle('al-negative', !masked && v < 0);
        note.textContent = masked ? ' (masked)' : '';
      });
      for (const node of marked) {
        node.classList.remove('al-cell-highlight', 'al-row-highlight');
        node.removeAttribute('aria-current');
      }
      marked = [];
      for (const i of highlightedIndices(spec.highlight, spec.rows, spec.cols)) {
        cells[i].td.classList.add('al-cell-highlight');
        cells[i].td.setAttribute('aria-current', 'true');
        marked.push(cells[i].td);
      }
      const h = spec.highlight;
      if (h && Number.isInteger(h.row) && h.row >= 0 && h.row < spec.rows && !(h.col >= 0)) {
        rowHeads[h.row].classList.add('al-row-highlight');
        marked.push(rowHeads[h.row]);
      }
    },
    destroy() {
      outer.remove();
      cells = [];
    },
  };
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
      cell.error.textContent = message;
      cell.error.hidden = false;
      cell.input.setAttribute('aria-invalid', 'true');
      cell.input.setAttribute('aria-describedby', cell.error.id);
    } else if (cell.invalid) {
      cell.error.textContent = '';
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
