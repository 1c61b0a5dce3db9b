// heatmap.js — the attention-matrix heatmap: a crisp canvas drawing with colour legend, token
// labels, hatched "−∞" masked cells and printed values; a keyboard grid (role="grid" with
// aria-activedescendant) for screen readers; hover/focus readout; row locking; an optional
// real <table> of the same numbers; and a one-sentence summary. Mounts into `container`.

import { domFor, uid, clear, prefersReducedMotion } from '../lib/dom.js';
import { tweenValues } from './tween.js';
import { computeDomain, isMasked } from './color.js';
import { formatNumber, formatShape } from '../lib/format.js';
import { computeHeatmapLayout, hitTest } from './heatmap-layout.js';
import { drawHeatmap, makeHatchPattern } from './heatmap-draw.js';
import { moveCell } from './grid-nav.js';
import { summarizeMatrix } from './summarize-matrix.js';
import { describeCell, rowHeaderText, colHeaderText } from './cell-text.js';
import { createLegend } from './legend.js';
import { createMatrixTable } from './matrix-table.js';

const THEME_VARS = {
  fg: ['--al-fg', '#1a1a1a'], bg: ['--al-bg', '#ffffff'], muted: ['--al-muted', '#595959'],
  accent: ['--al-accent', '#0b5cad'], focus: ['--al-focus', '#1d4ed8'],
  masked: ['--al-masked', '#5c5c5c'], maskedBg: ['--al-masked-bg', '#ececec'],
  font: ['--al-font', 'system-ui, sans-serif'],
};

function readTheme(node) {
  const win = node.ownerDocument.defaultView;
  const cs = win && win.getComputedStyle ? win.getComputedStyle(node) : null;
  const theme = {};
  for (const [k, [name, fallback]] of Object.entries(THEME_VARS)) {
    const v = cs ? cs.getPropertyValue(name).trim() : '';
    theme[k] = v || fallback;
  }
  return theme;
}

// Above this many cells, the screen-reader grid keeps only the focused row in the DOM.
const VIRTUAL_CELLS = 256;

function validate(spec) {
  const { values, rows, cols } = spec;
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 1 || cols < 1) {
    throw new RangeError('Heatmap: rows and cols must be whole numbers of at least 1.');
  }
  if (!values || values.length !== rows * cols) {
    throw new RangeError(`Heatmap: expected ${rows * cols} values for ${rows} × ${cols}, got ${values ? values.length : 0}.`);
  }
}

/**
 * createHeatmap(container, { label, onCellActivate(row, col), onLockChange(rowOrNull),
 *   onFocusCell(row, col), onTableChange(show) }) → { update(spec), focusCell(r, c), destroy() }
 */
export function createHeatmap(container, options = {}) {
  const { label = 'Matrix', onCellActivate, onLockChange, onFocusCell, onTableChange } = options;
  const { el, doc } = domFor(container);
  const id = uid('al-hm');

  const title = el('p', { class: 'al-view-title', id: `${id}-title` });
  const tableBtn = el('button', { type: 'button', class: 'al-button', 'aria-expanded': 'false', 'aria-controls': `${id}-table` }, 'Show as table');
  const unlockBtn = el('button', { type: 'button', class: 'al-button', hidden: true }, 'Unlock row');
  const lockStatus = el('span', { class: 'al-lock-status' });
  const toolbar = el('div', { class: 'al-toolbar' }, tableBtn, unlockBtn, lockStatus);
  const canvas = el('canvas', { class: 'al-heatmap-canvas', 'aria-hidden': 'true' });
  const summary = el('p', { class: 'al-summary', id: `${id}-summary` });
  const hint = el('p', { class: 'al-hint', id: `${id}-hint` },
    'Arrow keys move between cells. Enter, Space or a click locks a row; Escape unlocks.');
  const grid = el('div', {
    class: 'al-heatmap-grid', role: 'grid', tabindex: '0',
    'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-summary ${id}-hint`,
  });
  const figure = el('div', { class: 'al-heatmap-figure' }, canvas, grid);
  const scroller = el('div', { class: 'al-heatmap-scroll' }, figure);
  const readout = el('p', { class: 'al-readout' });
  const legendHost = el('div', { class: 'al-legend-host' });
  const tableHost = el('div', { class: 'al-table-host', id: `${id}-table`, hidden: true });
  const root = el('div', { class: 'al-heatmap' }, title, toolbar, scroller, readout, legendHost, summary, hint, tableHost);
  container.appendChild(root);

  const legend = createLegend(legendHost);
  let table = null;

  let spec = null;
  let domain = [0, 1];
  let layout = null;
  let gridKey = null;
  let cellNodes = []; // gridcell elements present in the DOM, row-major (one row of them when virtual)
  let virtual = false; // a large matrix: only the focused row's gridcells exist (aria-rowcount/rowindex)
  let presentRow = -1; // the row whose gridcells exist, when virtual
  let rowEl = null; // that row's element, when virtual
  let focus = { row: 0, col: 0 };
  let hover = null;
  let hasFocus = false;
  let locked = null;
  let showTable = false;
  let theme = null;
  let pattern = null;
  let destroyed = false;
  let knownWidth = 0; // scroller width (0: not measured yet, −1: hidden when measured), kept current by the ResizeObserver
  let textTimer = null;
  let lastSpecLocked; // lockedRow / showTable of the previous update (see update())
  let lastSpecTable;

  const measureCtx = doc.createElement('canvas').getContext('2d');
  const measure = (text, px) => {
    if (!measureCtx) return String(text).length * px * 0.6;
    measureCtx.font = `${px}px ${theme ? theme.font : 'system-ui, sans-serif'}`;
    return measureCtx.measureText(String(text)).width;
  };

  function cellId(r, c) { return `${id}-r${r}c${c}`; }

  // The screen-reader grid. Up to VIRTUAL_CELLS cells, every cell exists; above that (a 64 × 64
  // matrix would need 4,096 nodes per heatmap), only the focused row's cells exist and the grid
  // declares its full size with aria-rowcount / aria-rowindex, as ARIA allows for partial grids.
  function buildGrid() {
    clear(grid);
    virtual = spec.rows * spec.cols > VIRTUAL_CELLS;
    const head = el('div', { role: 'row', class: 'al-sr-only', 'aria-rowindex': '1' },
      el('span', { role: 'columnheader' }, spec.rowAxisTitle ?? 'query'),
      Array.from({ length: spec.cols }, (_, c) => el('span', { role: 'columnheader' }, colHeaderText(spec, c))));
    grid.appendChild(head);
    grid.setAttribute('aria-rowcount', String(spec.rows + 1));
    cellNodes = [];
    presentRow = -1;
    rowEl = null;
    if (virtual) { showRow(Math.min(focus.row, spec.rows - 1)); return; }
    for (let r = 0; r < spec.rows; r += 1) grid.appendChild(makeRow(r));
  }

  function makeRow(r) {
    const row = el('div', { role: 'row', class: 'al-sr-only', 'aria-rowindex': String(r + 2) }, el('span', { role: 'rowheader' }, rowHeaderText(spec, r)));
    for (let c = 0; c < spec.cols; c += 1) {
      const cell = el('span', { role: 'gridcell', id: cellId(r, c) });
      if (virtual && r === locked) cell.setAttribute('aria-selected', 'true');
      row.appendChild(cell);
      cellNodes.push(cell);
    }
    return row;
  }

  // Virtual grid: make row r the one whose cells exist.
  function showRow(r) {
    if (!virtual || r === presentRow) return;
    cellNodes = [];
    const next = makeRow(r);
    if (rowEl) rowEl.replaceWith(next); else grid.appendChild(next);
    rowEl = next;
    presentRow = r;
  }

  // The gridcell of (r, c) when it exists.
  function gridCell(r, c) {
    if (!spec) return null;
    if (virtual) return r === presentRow ? cellNodes[c] ?? null : null;
    return cellNodes[r * spec.cols + c] ?? null;
  }

  function readoutText() {
    const at = hover ?? (hasFocus ? focus : null);
    if (at) return describeCell(spec, at.row, at.col);
    const prompt = 'Point at or focus a cell to read its value.';
    return locked !== null ? `Locked row: ${rowHeaderText(spec, locked)}. ${prompt}` : prompt;
  }

  // A running stage transition: the values drawn this frame (null when none runs).
  let shown = null;
  let tweenFrame = 0;
  function stopTween() {
    if (tweenFrame && doc.defaultView) doc.defaultView.cancelAnimationFrame(tweenFrame);
    tweenFrame = 0;
    shown = null;
  }
  // Eases the drawn colours from `from` to the current spec's values over `ms` milliseconds. The
  // readout, table, legend and summary already show the final values: only colour moves.
  function startTween(from, ms) {
    const win = doc.defaultView;
    const to = spec.values;
    const t0 = win.performance.now();
    const step = (now) => {
      const t = Math.min(1, (now - t0) / ms);
      shown = t < 1 ? tweenValues(from, to, t) : null;
      tweenFrame = t < 1 ? win.requestAnimationFrame(step) : 0;
      draw();
    };
    tweenFrame = win.requestAnimationFrame(step);
  }

  function draw() {
    if (!spec || destroyed) return;
    // Measured once (a layout read); a hidden heatmap measures 0 and then waits for the
    // ResizeObserver instead of forcing a layout on every draw.
    if (knownWidth === 0) knownWidth = scroller.clientWidth || container.clientWidth || -1;
    const width = knownWidth > 0 ? knownWidth : 320;
    if (!theme) theme = readTheme(root);
    const digits = spec.digits ?? 2;
    let sample = formatNumber(0, digits);
    for (let i = 0; i < spec.values.length; i += 1) {
      const t = formatNumber(spec.values[i], digits);
      if (!isMasked(spec.values[i]) && t.length > sample.length) sample = t;
    }
    layout = computeHeatmapLayout({
      width, rows: spec.rows, cols: spec.cols, rowLabels: spec.rowLabels, colLabels: spec.colLabels,
      measure, valueSample: sample,
    });
    const win = doc.defaultView;
    const dpr = Math.max(1, Math.min(4, (win && win.devicePixelRatio) || 1));
    const w = Math.round(layout.cssWidth * dpr);
    const h = Math.round(layout.cssHeight * dpr);
    if (canvas.width !== w || canvas.height !== h) { canvas.width = w; canvas.height = h; }
    canvas.style.width = `${layout.cssWidth}px`;
    canvas.style.height = `${layout.cssHeight}px`;
    figure.style.width = `${layout.cssWidth}px`;
    figure.style.height = `${layout.cssHeight}px`;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    pattern = makeHatchPattern(ctx, doc, theme);
    drawHeatmap(ctx, {
      layout, spec: shown ? { ...spec, values: shown } : spec, domain, theme, pattern, focus, hover, locked, hasFocus,
      highlight: spec.highlightRow ?? null,
    });
    readout.textContent = readoutText();
  }

  function syncLock() {
    unlockBtn.hidden = locked === null;
    lockStatus.textContent = locked === null ? '' : `Row ${rowHeaderText(spec, locked)} locked.`;
    cellNodes.forEach((cell, i) => {
      const row = virtual ? presentRow : Math.floor(i / spec.cols);
      if (row === locked) cell.setAttribute('aria-selected', 'true');
      else cell.removeAttribute('aria-selected');
    });
  }

  function setLocked(row, notify) {
    const next = row === null || row === undefined ? null : row;
    if (next === locked) return;
    locked = next;
    syncLock();
    if (notify && onLockChange) onLockChange(locked);
  }

  // Screen-reader cell texts: the active cell at once, all others shortly after the last update
  // (so that animating 64×64 matrices does not rewrite 4096 nodes per frame).
  function writeCellTexts() {
    textTimer = null;
    if (!spec || destroyed) return;
    for (let r = 0; r < spec.rows; r += 1) {
      if (virtual && r !== presentRow) continue;
      for (let c = 0; c < spec.cols; c += 1) {
        const node = gridCell(r, c);
        const text = describeCell(spec, r, c);
        if (node && node.textContent !== text) node.textContent = text;
      }
    }
  }

  function scheduleCellTexts() {
    const win = doc.defaultView;
    if (spec.rows * spec.cols <= 64 || virtual || !win) { writeCellTexts(); return; }
    if (textTimer !== null) win.clearTimeout(textTimer);
    textTimer = win.setTimeout(writeCellTexts, 150);
  }

  function setFocus(row, col, notify) {
    focus = { row, col };
    if (virtual && spec && row !== presentRow) { showRow(row); writeCellTexts(); }
    const active = gridCell(row, col);
    if (active && spec) active.textContent = describeCell(spec, row, col);
    if (cellNodes.length) grid.setAttribute('aria-activedescendant', cellId(row, col));
    if (notify && onFocusCell) onFocusCell(row, col);
  }

  function activate(row, col) {
    setLocked(locked === row ? null : row, true);
    if (onCellActivate) onCellActivate(row, col);
  }

  function syncTable() {
    tableHost.hidden = !showTable;
    tableBtn.textContent = showTable ? 'Hide table' : 'Show as table';
    tableBtn.setAttribute('aria-expanded', String(showTable));
    if (!showTable || !spec) return;
    if (!table) table = createMatrixTable(tableHost, {});
    const values = Array.from(spec.values, (v) => (Number.isNaN(v) ? -Infinity : v));
    table.update({
      values, rows: spec.rows, cols: spec.cols, rowLabels: spec.rowLabels, colLabels: spec.colLabels,
      digits: spec.digits ?? 2, caption: `${label}: ${spec.stage ?? 'values'} (${formatShape(spec.rows, spec.cols)}), rows are ${spec.rowAxisTitle ?? 'query'} tokens, columns ${spec.colAxisTitle ?? 'key'} tokens`,
    });
  }

  // --- events (all on this instance's own elements) ---
  function onKey(e) {
    if (!spec) return;
    const next = moveCell(focus, e.key, { rows: spec.rows, cols: spec.cols, ctrl: e.ctrlKey || e.metaKey });
    if (next) {
      e.preventDefault();
      hover = null;
      setFocus(next.row, next.col, true);
      draw();
      return;
    }
    if (e.key === 'Enter' || e.key === ' ' || e.key === 'Spacebar') {
      e.preventDefault();
      activate(focus.row, focus.col);
      draw();
      syncTable();
    } else if (e.key === 'Escape' && locked !== null) {
      e.preventDefault();
      e.stopPropagation();
      setLocked(null, true);
      draw();
    }
  }

  function cellAt(e) {
    if (!layout) return null;
    const rect = canvas.getBoundingClientRect();
    return hitTest(layout, e.clientX - rect.left, e.clientY - rect.top);
  }

  function onPointerMove(e) {
    if (e.pointerType === 'touch') return;
    const cell = cellAt(e);
    const same = (cell && hover && cell.row === hover.row && cell.col === hover.col) || (!cell && !hover);
    if (same) return;
    hover = cell;
    draw();
  }

  function onPointerLeave() {
    if (!hover) return;
    hover = null;
    draw();
  }

  function onClick(e) {
    const cell = cellAt(e);
    if (!cell) return;
    setFocus(cell.row, cell.col, true);
    activate(cell.row, cell.col);
    draw();
  }

  grid.addEventListener('keydown', onKey);
  grid.addEventListener('pointermove', onPointerMove);
  grid.addEventListener('pointerleave', onPointerLeave);
  grid.addEventListener('click', onClick);
  grid.addEventListener('focus', () => { hasFocus = true; setFocus(focus.row, focus.col, false); draw(); });
  grid.addEventListener('blur', () => { hasFocus = false; draw(); });
  unlockBtn.addEventListener('click', () => {
    setLocked(null, true);
    grid.focus(); // the button disappears; keep focus in the component
    draw();
  });
  tableBtn.addEventListener('click', () => {
    showTable = !showTable;
    syncTable();
    if (onTableChange) onTableChange(showTable);
  });

  const RO = doc.defaultView && doc.defaultView.ResizeObserver;
  const ro = RO ? new RO((entries) => {
    const w = Math.floor(entries[entries.length - 1].contentRect.width) || -1;
    if (w !== knownWidth) { knownWidth = w; theme = null; draw(); }
  }) : null;
  if (ro) ro.observe(scroller);

  return {
    element: root,
    /** Draw a new spec (see README). lockedRow/showTable, when given, override the local state. */
    update(next) {
      validate(next);
      const prev = spec;
      const from = shown ?? prev?.values;
      stopTween();
      spec = { rowAxisTitle: 'query', colAxisTitle: 'key', digits: 2, scale: 'sequential', ...next };
      domain = computeDomain(spec.values, spec.scale, spec.domain);
      // The --al-* colours are read on the first draw and after a resize, not on every update:
      // reading computed style right after DOM changes forces a style recalculation of the whole
      // page (measured: most of a 64-token update's time). Re-theming takes effect on the next resize.
      const key = JSON.stringify([spec.rows, spec.cols, spec.rowLabels ?? [], spec.colLabels ?? [], spec.rowAxisTitle, spec.colAxisTitle]);
      if (key !== gridKey) { buildGrid(); gridKey = key; }
      if (!prev || focus.row >= spec.rows || focus.col >= spec.cols) {
        focus = { row: Math.min(focus.row, spec.rows - 1), col: Math.min(focus.col, spec.cols - 1) };
      }
      if (hover && (hover.row >= spec.rows || hover.col >= spec.cols)) hover = null;
      setFocus(focus.row, focus.col, false);
      scheduleCellTexts();
      // lockedRow / showTable are applied when they differ from the previous update's value, so a
      // learner's own lock/unlock or table toggle survives re-renders that repeat the same value.
      if (next.lockedRow !== undefined && next.lockedRow !== lastSpecLocked) {
        locked = next.lockedRow === null || !(next.lockedRow >= 0 && next.lockedRow < spec.rows) ? null : next.lockedRow;
      }
      lastSpecLocked = next.lockedRow;
      if (locked !== null && locked >= spec.rows) locked = null;
      syncLock();
      // showTable left out: follow a page-wide preference, data-al-tables="on" on an ancestor
      // (the lesson's "Show every matrix as a table" switch).
      const wantTable = next.showTable ?? (root.parentElement?.closest('[data-al-tables]')?.dataset.alTables === 'on' ? true : undefined);
      if (wantTable !== undefined && !!wantTable !== lastSpecTable) showTable = !!wantTable;
      if (wantTable !== undefined) lastSpecTable = !!wantTable;
      title.textContent = `${label}: ${spec.stage ?? 'values'}`;
      legend.update({ scale: spec.scale, domain, digits: spec.digits, stage: spec.stage ?? 'values', maskedCount: countMasked(spec.values) });
      summary.textContent = summarizeMatrix(spec);
      draw();
      syncTable();
      // next.transition (ms): animate from the previous values when the shape is unchanged, unless
      // the learner asked for reduced motion (then the new values simply appear).
      if (next.transition > 0 && prev && prev.rows === spec.rows && prev.cols === spec.cols && from !== spec.values && !prefersReducedMotion(container)) {
        startTween(from, next.transition);
      }
    },
    /** Make (r, c) the active cell and move keyboard focus to the grid. */
    focusCell(r, c) {
      if (!spec) return;
      const row = Math.max(0, Math.min(spec.rows - 1, r));
      const col = Math.max(0, Math.min(spec.cols - 1, c));
      setFocus(row, col, false);
      grid.focus();
      draw();
    },
    destroy() {
      destroyed = true;
      stopTween();
      if (textTimer !== null && doc.defaultView) doc.defaultView.clearTimeout(textTimer);
      if (ro) ro.disconnect();
      legend.destroy();
      if (table) table.destroy();
      root.remove();
    },
  };
}

function countMasked(values) {
  let n = 0;
  for (let i = 0; i < values.length; i += 1) if (isMasked(values[i])) n += 1;
  return n;
}
