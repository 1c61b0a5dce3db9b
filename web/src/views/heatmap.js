// heatmap.js — the attention-matrix heatmap: a crisp canvas drawing with colour legend, token
// labels, hatched "−∞" masked cells and printed values; a keyboard grid (role="grid" with
// aria-activedescendant) for screen readers; hover/focus readout; row locking; an optional
// real <table> of the same numbers; and a one-sentence summary. Mounts into `container`.

import { domFor, uid, prefersReducedMotion, setAttrs, setText, setHidden } from '../lib/dom.js';
import { tweenValues } from './tween.js';
import { computeDomain, isMasked } from './color.js';
import { formatNumber, formatShape } from '../lib/format.js';
import { computeHeatmapLayout, hitTest } from './heatmap-layout.js';
import { drawHeatmap, makeHatchPattern } from './heatmap-draw.js';
import { moveCell } from './grid-nav.js';
import { summarizeMatrix } from './summarize-matrix.js';
import { describeCell, rowHeaderText, colHeaderText } from './cell-text.js';
import { createLegend } from './legend.js';
import { checkSpec, createMatrixTable } from './matrix-table.js';

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

// views/offscreen-work.js, loaded (as a chunk of its own, outside the first view) once a heatmap
// larger than 8 × 8 or a third heatmap is shown; until then every heatmap draws and fills its
// table on each update.
// (If it cannot load, every heatmap keeps doing all its work at once.)
let offscreen = null;
let offscreenLoad = null;
const waitingForOffscreen = new Set(); // heatmaps to watch once it has loaded
let liveHeatmaps = 0;
function loadOffscreen(attach) {
  waitingForOffscreen.add(attach);
  offscreenLoad ??= import('./offscreen-work.js').then((m) => {
    offscreen = m;
    for (const f of waitingForOffscreen) f();
    waitingForOffscreen.clear();
  }, () => waitingForOffscreen.clear());
}

// A canvas pixel store this small (a 4-token map) is kept when the picture shrinks: copying its
// spare pixels to the compositor costs less than making a new store at every shape change.
const SMALL_STORE = 512 * 512;

// Above this many cells, the screen-reader grid keeps only the focused row in the DOM.
const VIRTUAL_CELLS = 256;

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
  liveHeatmaps += 1;
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
  let measureFont = '';
  const measure = (text, px) => {
    if (!measureCtx) return String(text).length * px * 0.6;
    const font = `${px}px ${theme ? theme.font : 'system-ui, sans-serif'}`;
    if (font !== measureFont) { measureCtx.font = font; measureFont = font; } // a font assignment is parsed as CSS
    return measureCtx.measureText(String(text)).width;
  };
  // The layout depends on the width, the shape, the labels and the widest printed value only, so
  // a change of values alone (a slider drag) reuses it instead of measuring every label again.
  let layoutKey = '';
  let layoutPicture = '';
  let layoutWidth = 0; // the width `layout` was made for
  const recentLayouts = new Map(); // key → layout, oldest first
  let ctx2d = null;
  let patternTheme = null;
  let shownSize = '';
  let canvasDpr = 0; // the device pixel ratio the canvas's pixel store was made for
  let drawnPicture = ''; // what the canvas shows now: everything draw() paints except the values…
  let drawnValues = null; // …and the values (a copy)
  let drawnTheme = null; // …and the colours it used

  function cellId(r, c) { return `${id}-r${r}c${c}`; }

  // The screen-reader grid. Up to VIRTUAL_CELLS cells, every cell exists; above that (a 64 × 64
  // matrix would need 4,096 nodes per heatmap), only the focused row's cells exist and the grid
  // declares its full size with aria-rowcount / aria-rowindex, as ARIA allows for partial grids.
  // Shape changes (a longer sentence) reuse the grid's rows and cells: only the missing ones are
  // made and the extra ones removed, so the browser does not rebuild its layout tree for all of them.
  let gridHead = null; // the column-header row, kept for the heatmap's life
  let gridRows = []; // the row elements when every cell exists

  function fitCells(row, count, makeCell) {
    while (row.childElementCount - 1 > count) row.lastChild.remove();
    while (row.childElementCount - 1 < count) row.appendChild(makeCell(row.childElementCount - 1));
  }

  function buildGrid() {
    virtual = spec.rows * spec.cols > VIRTUAL_CELLS;
    if (!gridHead) {
      gridHead = el('div', { role: 'row', class: 'al-sr-only', 'aria-rowindex': '1' }, el('span', { role: 'columnheader' }));
      grid.appendChild(gridHead);
    }
    setText(gridHead.firstChild, spec.rowAxisTitle ?? 'query');
    fitCells(gridHead, spec.cols, () => el('span', { role: 'columnheader' }));
    for (let c = 0; c < spec.cols; c += 1) setText(gridHead.children[c + 1], colHeaderText(spec, c));
    setAttrs(grid, { 'aria-rowcount': spec.rows + 1 });
    cellNodes = [];
    if (virtual) {
      for (const row of gridRows) row.remove();
      gridRows = [];
      // New labels, same number of rows (a word of a 64-token sentence edited): the present row
      // stays, relabelled and fitted to the columns (its cell texts follow), instead of nine
      // heatmaps making 65 new elements each.
      if (rowEl && presentRow < spec.rows) {
        setText(rowEl.firstChild, rowHeaderText(spec, presentRow));
        fitCells(rowEl, spec.cols, (c) => el('span', { role: 'gridcell', id: cellId(presentRow, c) }));
        cellNodes = [...rowEl.children].slice(1);
        return;
      }
      rowEl?.remove();
      rowEl = null;
      presentRow = -1;
      showRow(Math.min(focus.row, spec.rows - 1));
      return;
    }
    if (rowEl) rowEl.remove();
    presentRow = -1;
    rowEl = null;
    while (gridRows.length > spec.rows) gridRows.pop().remove();
    for (let r = 0; r < spec.rows; r += 1) {
      let row = gridRows[r];
      if (!row) {
        row = grid.appendChild(el('div', { role: 'row', class: 'al-sr-only', 'aria-rowindex': String(r + 2) }, el('span', { role: 'rowheader' })));
        gridRows.push(row);
      }
      setText(row.firstChild, rowHeaderText(spec, r));
      fitCells(row, spec.cols, (c) => el('span', { role: 'gridcell', id: cellId(r, c) }));
      for (let c = 0; c < spec.cols; c += 1) cellNodes.push(row.children[c + 1]);
    }
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
    if (behind) { behind = false; canvas.style.visibility = ''; }
    // Measured once (a layout read); a hidden heatmap measures 0 and then waits for the
    // ResizeObserver instead of forcing a layout on every draw.
    if (knownWidth === 0) knownWidth = scroller.clientWidth || container.clientWidth || -1;
    const width = knownWidth > 0 ? knownWidth : 320;
    if (!theme) theme = readTheme(root);
    const digits = spec.digits ?? 2;
    // The widest printed value is the smallest or the largest one (a longer integer part or a
    // minus sign), so only those two are formatted.
    let lo = Infinity, hi = -Infinity;
    for (let i = 0; i < spec.values.length; i += 1) {
      const v = spec.values[i];
      if (isMasked(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    let sample = formatNumber(0, digits);
    for (const v of [lo, hi]) {
      if (!Number.isFinite(v) && v !== Infinity) continue;
      const t = formatNumber(v, digits);
      if (t.length > sample.length) sample = t;
    }
    // The label room on screen is kept when the new labels need one step less (heatmap-layout.js
    // `kept`): same shape and width only, so a new sentence length or a resize starts afresh.
    const keep = layout && layout.rows === spec.rows && layout.cols === spec.cols && layoutWidth === width
      ? { rowLabelWidth: layout.rowLabelWidth, colLabelHeight: layout.colLabelHeight, labelFont: layout.labelFont } : null;
    const base = `${width}|${sample}|${gridKey}|${theme.font}`;
    const key = `${base}|${keep ? `${keep.rowLabelWidth},${keep.colLabelHeight},${keep.labelFont}` : ''}`;
    if (key !== layoutKey) {
      // A few recent layouts are kept: stepping through a sentence's stages (X, Q, scores, …)
      // alternates between a few shapes, and measuring every label again costs ~1 ms each time.
      layout = recentLayouts.get(key) ?? computeHeatmapLayout({
        width, rows: spec.rows, cols: spec.cols, rowLabels: spec.rowLabels, colLabels: spec.colLabels,
        measure, valueSample: sample, keep,
      });
      layoutWidth = width;
      recentLayouts.delete(key);
      recentLayouts.set(key, layout);
      if (recentLayouts.size > 8) recentLayouts.delete(recentLayouts.keys().next().value);
      layoutKey = key;
      // what the layout draws (the same whether or not a kept room was passed in)
      layoutPicture = `${base}|${layout.rowLabelWidth},${layout.colLabelHeight},${layout.labelFont}`;
    }
    const win = doc.defaultView;
    const dpr = Math.max(1, Math.min(4, (win && win.devicePixelRatio) || 1));
    const w = Math.round(layout.cssWidth * dpr);
    const h = Math.round(layout.cssHeight * dpr);
    // The canvas's pixel store is made anew only when the picture outgrows it or fills less than
    // half of it (a store under SMALL_STORE pixels is never made smaller): a new store costs an
    // allocation and a clear (measured: 4.5 ms of a 12 ms change while dragging step 12's n, which
    // changes the map's height at every step). A store that grows gets a quarter more room in the
    // direction that grew. The canvas may then be larger than the picture, drawn at its top left;
    // the figure (overflow: hidden) is exactly the picture's size and shows only it.
    const store = canvas.width * canvas.height;
    const oversized = store > 2 * w * h && store > SMALL_STORE;
    if (canvas.width < w || canvas.height < h || oversized || canvasDpr !== dpr) {
      const grow = canvasDpr === dpr && store > 0 && !oversized;
      const nw = !grow ? w : w > canvas.width ? Math.ceil(w * 1.25) : canvas.width;
      const nh = !grow ? h : h > canvas.height ? Math.ceil(h * 1.25) : canvas.height;
      // (either assignment makes a new, cleared store; the side that keeps its size is not written)
      if (canvas.width !== nw) canvas.width = nw;
      if (canvas.height !== nh) canvas.height = nh;
      canvasDpr = dpr;
      drawnPicture = '';
    }
    const cssSize = `${canvas.width}x${canvas.height}|${layout.cssWidth}x${layout.cssHeight}`;
    if (cssSize !== shownSize) {
      shownSize = cssSize;
      canvas.style.width = `${canvas.width / dpr}px`;
      canvas.style.height = `${canvas.height / dpr}px`;
      figure.style.width = `${layout.cssWidth}px`;
      figure.style.height = `${layout.cssHeight}px`;
    }
    ctx2d ??= canvas.getContext('2d');
    const ctx = ctx2d;
    setText(readout, readoutText());
    if (!ctx) return;
    // Skip a draw that would paint the same picture (a re-render that changed other parts of the
    // scene, the same values again): repainting it costs the canvas work and a new upload of its
    // pixels to the compositor, every frame of a drag.
    const values = shown ?? spec.values;
    const picture = `${layoutPicture}|${w}x${h}|${domain[0]},${domain[1]}|${spec.scale}|${spec.digits}|${focus.row},${focus.col},${hasFocus}|${hover ? `${hover.row},${hover.col}` : ''}|${locked}|${spec.highlightRow ?? ''}|${spec.maskedAs ?? ''}`;
    if (picture === drawnPicture && theme === drawnTheme && sameValues(values, drawnValues)) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    if (patternTheme !== theme) { pattern = makeHatchPattern(ctx, doc, theme); patternTheme = theme; }
    drawHeatmap(ctx, {
      layout, spec: shown ? { ...spec, values: shown } : spec, domain, theme, pattern, focus, hover, locked, hasFocus,
      highlight: spec.highlightRow ?? null,
    });
    drawnPicture = picture;
    drawnTheme = theme;
    if (drawnValues?.length === values.length) drawnValues.set(values); // (no new garbage per draw)
    else drawnValues = Float64Array.from(values);
  }

  // update() draws in a microtask: a view that updates several heatmaps (multi-head: nine) first
  // makes all its DOM changes, then every canvas draws. Setting a canvas font makes the browser
  // bring style up to date first, so drawing between DOM changes would recalculate the page's
  // style once per heatmap instead of once.
  //
  // A heatmap away from the viewport (views/offscreen-work.js) does not draw on update (a typed
  // word redraws nine 64 × 64 canvases in the multi-head step, and the browser copies every redrawn
  // canvas to the compositor): it hides its canvas, so an old picture can never show, keeps its
  // readout, grid and summary current, and draws when it comes near the viewport or is printed.
  // Its table is updated in idle time (or sooner: on scroll, focus, print, coming near).
  let drawQueued = false;
  let behind = false; // updated but not drawn: canvas hidden
  let away = null; // watchNear handles of the picture and of the table, once offscreen-work.js has loaded
  let tableAway = null;
  const watchOffscreen = () => {
    if (away || destroyed) return;
    away = offscreen.watchNear(scroller, () => { if (behind) draw(); });
    tableAway = offscreen.watchNear(tableHost);
  };
  function drawSoon() {
    if (drawQueued) return;
    drawQueued = true;
    queueMicrotask(() => {
      drawQueued = false;
      if (!away || away.near || destroyed) { draw(); return; }
      behind = true;
      canvas.style.visibility = 'hidden';
      setText(readout, readoutText());
    });
  }

  function syncLock() {
    setHidden(unlockBtn, locked === null);
    setText(lockStatus, locked === null ? '' : `Row ${rowHeaderText(spec, locked)} locked.`);
    cellNodes.forEach((cell, i) => {
      const row = virtual ? presentRow : Math.floor(i / spec.cols);
      setAttrs(cell, { 'aria-selected': row === locked ? 'true' : null });
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
  // (so that animating 64×64 matrices does not rewrite 4096 nodes per frame, and a typed word in a
  // 64-token multi-head step does not lay out 9 × 64 new cell texts in the frame that shows it).
  function writeCellTexts() {
    textTimer = null;
    if (!spec || destroyed) return;
    for (let r = 0; r < spec.rows; r += 1) {
      if (virtual && r !== presentRow) continue;
      for (let c = 0; c < spec.cols; c += 1) {
        const node = gridCell(r, c);
        const text = describeCell(spec, r, c);
        if (node && node.textContent !== text) setText(node, text);
      }
    }
  }

  function scheduleCellTexts() {
    const win = doc.defaultView;
    if (spec.rows * spec.cols <= 64 || !win) { writeCellTexts(); return; }
    if (textTimer !== null) win.clearTimeout(textTimer);
    textTimer = win.setTimeout(writeCellTexts, 150);
  }

  function setFocus(row, col, notify) {
    focus = { row, col };
    if (virtual && spec && row !== presentRow) { showRow(row); writeCellTexts(); }
    const active = gridCell(row, col);
    if (active && spec) setText(active, describeCell(spec, row, col));
    if (cellNodes.length) setAttrs(grid, { 'aria-activedescendant': cellId(row, col) });
    if (notify && onFocusCell) onFocusCell(row, col);
  }

  function activate(row, col) {
    setLocked(locked === row ? null : row, true);
    if (onCellActivate) onCellActivate(row, col);
  }

  function syncTable() {
    const opening = tableHost.hidden && showTable; // (a table just opened is filled at once)
    setHidden(tableHost, !showTable);
    setText(tableBtn, showTable ? 'Hide table' : 'Show as table');
    setAttrs(tableBtn, { 'aria-expanded': String(showTable) });
    tableAway?.now();
    if (!showTable || !spec) return;
    if (!table) table = createMatrixTable(tableHost, {});
    if (tableAway && !tableAway.near && !opening) tableAway.later(fillTable); else fillTable();
  }

  function fillTable() {
    if (!showTable || !spec || destroyed) return;
    // NaN marks a hidden cell too: the table prints it as −∞ (copied only when there is one)
    const values = spec.values.some(Number.isNaN) ? Array.from(spec.values, (v) => (Number.isNaN(v) ? -Infinity : v)) : spec.values;
    table.update({
      values, rows: spec.rows, cols: spec.cols, rowLabels: spec.rowLabels, colLabels: spec.colLabels,
      digits: spec.digits ?? 2, maskedAs: spec.maskedAs, caption: `${label}: ${spec.stage ?? 'values'} (${formatShape(spec.rows, spec.cols)}), rows are ${spec.rowAxisTitle ?? 'query'} tokens, columns ${spec.colAxisTitle ?? 'key'} tokens`,
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

  // A canvas whose pixels the browser dropped (memory pressure) comes back blank: paint it again.
  canvas.addEventListener('contextrestored', () => { drawnPicture = ''; draw(); });

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
      checkSpec(next, 'Heatmap', 1);
      if (!away) {
        if (offscreen) watchOffscreen();
        else if (liveHeatmaps > 2 || next.rows * next.cols > 64) loadOffscreen(watchOffscreen);
      }
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
      setText(title, `${label}: ${spec.stage ?? 'values'}`);
      legend.update({ scale: spec.scale, domain, digits: spec.digits, stage: spec.stage ?? 'values', maskedCount: countMasked(spec.values), maskedAs: spec.maskedAs });
      setText(summary, summarizeMatrix(spec));
      syncTable();
      drawSoon();
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
      liveHeatmaps -= 1;
      stopTween();
      if (textTimer !== null && doc.defaultView) doc.defaultView.clearTimeout(textTimer);
      if (ro) ro.disconnect();
      away?.stop();
      tableAway?.stop();
      legend.destroy();
      if (table) table.destroy();
      root.remove();
    },
  };
}

// Same numbers in the same order (NaN equals NaN: a masked cell stays masked).
function sameValues(a, b) {
  if (!b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i], y = b[i];
    if (x !== y && !(x !== x && y !== y)) return false;
  }
  return true;
}

function countMasked(values) {
  let n = 0;
  for (let i = 0; i < values.length; i += 1) if (isMasked(values[i])) n += 1;
  return n;
}
