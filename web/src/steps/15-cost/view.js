// Step 15's view: the DOM of the cost step — the N slider with halve/double, the comparison
// table, the score grid, and the live measurement: it times the engine's attention for growing N
// in small batches between setTimeout pauses (so the page stays responsive) and draws what
// model.js measurementText() makes of the timings. Only N ≤ 128 is measured on its own.
import { domFor, uid, setText, setRows } from '../../lib/dom.js';
import { normals, randomMatrix } from '../../model/toy-model.js';
import { timeCall } from '../cost-timing.js';
import { messageLine, rangeField } from '../../views/controls.js';
import { createLogChart } from '../../views/log-chart.js';
import { INPUTS } from './inputs.js';
import { AUTO_NS, D_MODEL, measurementText } from './model.js';

export function mount(host, ctx) {
  const { el, svg } = domFor(host);
  const win = host.ownerDocument.defaultView;
  const messages = messageLine(host);
  let m = null; // the last model drawn
  const slider = rangeField(host, { label: 'Tokens N', min: INPUTS.n.min, max: INPUTS.n.max, onInput: (v) => ctx.set({ n: v }), onCommit: (v) => ctx.announceSettled(() => m.announce(v)) });
  const halve = el('button', { type: 'button', class: 'al-button' }, 'Halve N');
  const double = el('button', { type: 'button', class: 'al-button' }, 'Double N');
  const jump = (v) => { ctx.set({ n: v }); ctx.announce(m.announce(v)); };
  halve.addEventListener('click', () => jump(m.halveTo));
  double.addEventListener('click', () => jump(m.doubleTo));
  const compareBody = el('tbody', {});
  const compareCaption = el('caption', {});
  const compare = el('table', { class: 'al-matrix scene-table', 'data-testid': 'compare-table' }, compareCaption,
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'For N tokens'), el('th', { scope: 'col' }, 'Recurrent network'), el('th', { scope: 'col' }, 'Self-attention'))),
    compareBody);
  const doubling = el('p', { 'data-testid': 'doubling' });
  const gridTitle = el('p', { class: 'al-view-title', id: uid('scene-grid') });
  const grid = svg('svg', { class: 'scene-grid', viewBox: '0 0 160 160', role: 'img', 'aria-labelledby': gridTitle.id });

  const measure = el('button', { type: 'button', class: 'al-button al-primary' }, 'Measure up to N = 512');
  const big = el('input', { type: 'checkbox' });
  big.addEventListener('change', () => ctx.set({ big: big.checked }));
  const progress = el('progress', { max: '1', value: '0', 'aria-label': 'Measurement progress' });
  const status = el('p', { class: 'al-note', 'data-testid': 'cost-status' });
  const charts = el('div', { class: 'al-grid' });
  const chartCell = () => charts.appendChild(el('div', { class: 'al-cell' }));
  const timeChart = createLogChart(chartCell(), { title: 'Time per attention call (log–log)', titleId: uid('cost-chart') });
  const memChart = createLogChart(chartCell(), { title: 'Memory of one N × N score matrix (log–log)', titleId: uid('cost-chart') });
  const tableBody = el('tbody', {});
  const costTable = el('table', { class: 'al-matrix scene-table', 'data-testid': 'cost-table' },
    el('caption', {}, `Measured in this browser: median time per call, d_model = ${D_MODEL}, one head`),
    el('thead', {}, el('tr', {}, ...['N', 'Scores (N²)', 'Score matrix (N² × 4 bytes)', 'Time (core only)', 'Time (all stages kept)'].map((t) => el('th', { scope: 'col' }, t)))),
    tableBody);
  const ratio = el('p', { 'data-testid': 'cost-ratio', class: 'al-callout' });

  host.append(messages.element,
    el('h3', {}, 'Parallel steps and path length'),
    el('div', { class: 'al-controls' }, slider.element, halve, double),
    el('div', { class: 'al-grid' }, el('div', { class: 'al-cell' }, el('div', { class: 'scene-table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Recurrent network versus self-attention' }, compare), doubling), el('div', { class: 'al-cell' }, gridTitle, grid)),
    el('h3', {}, 'The N² cost, measured live'),
    el('p', {}, 'The button times the engine’s attention on random inputs for growing N. “Core only” keeps just the output; the other column also stores the scores, scaled scores, masked scores and weights, as the lesson’s heatmaps need.'),
    el('div', { class: 'al-controls' }, measure, el('label', {}, big, ' Include N = 1024 (slower: adds a second or two)'), progress),
    status, charts, el('div', { class: 'scene-table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Measured times' }, costTable), ratio);

  const results = new Map(); // N → { core, full } in ms per call
  let gridSide = 0; // side of the all-pairs grid picture now drawn
  let job = 0, running = false, destroyed = false;
  const timers = new Set();
  const weights = { wq: randomMatrix(D_MODEL, D_MODEL, 11), wk: randomMatrix(D_MODEL, D_MODEL, 12), wv: randomMatrix(D_MODEL, D_MODEL, 13) };

  function drawResults() {
    const t = measurementText(results);
    setRows(tableBody, t.rows);
    timeChart.update(t.time);
    memChart.update(t.memory);
    setText(ratio, t.ratio);
  }

  function run(ns) {
    const id = ++job;
    running = true;
    measure.disabled = true;
    const pause = () => new Promise((resolve, reject) => {
      const t = win.setTimeout(() => { timers.delete(t); (destroyed || id !== job ? reject : resolve)(new Error('cancelled')); }, 0);
      timers.add(t);
    });
    const now = () => win.performance.now();
    const steps = ns.length * 2;
    let done = 0;
    (async () => {
      // Warm the engine up first, so the smallest N is not charged for compiling.
      const w = normals(128 * D_MODEL, 99);
      for (let i = 0; i < 4; i++) { ctx.engine.attention({ x: w, n: 128, dModel: D_MODEL, ...weights }); await pause(); }
      for (const N of ns) {
        const x = normals(N * D_MODEL, 100 + N);
        results.set(N, { ...(results.get(N) ?? {}) });
        for (const key of ['core', 'full']) {
          setText(status, `Measuring N = ${N} (${key === 'core' ? 'core only' : 'every intermediate'}), ${done + 1} of ${steps}…`);
          progress.value = done / steps;
          const options = { x, n: N, dModel: D_MODEL, ...weights, outputOnly: key === 'core' };
          const t = await timeCall(() => ctx.engine.attention(options), { now, pause });
          results.get(N)[key] = t.perCall;
          done++;
          drawResults();
        }
      }
      progress.value = 1;
      status.textContent = `Measured N = ${ns[0]} to ${ns[ns.length - 1]}. Times vary from run to run and machine to machine; the growth is what matters.`;
      if (ns.length > AUTO_NS.length) ctx.announce(`Measurement finished up to N = ${ns[ns.length - 1]}.`);
    })().catch((err) => {
      if (err.message !== 'cancelled') setText(status, `The measurement stopped: ${err.message}`);
    }).finally(() => {
      if (id === job) { running = false; measure.disabled = false; }
    });
  }

  measure.addEventListener('click', () => { results.clear(); run(m.measureNs); });
  // The cheap default: only the small sizes, after the page has drawn.
  const first = win.setTimeout(() => { timers.delete(first); if (!destroyed) run([...AUTO_NS]); }, 200);
  timers.add(first);
  status.textContent = `Measuring N = ${AUTO_NS[0]} to ${AUTO_NS[AUTO_NS.length - 1]} shortly; press the button for larger N.`;
  drawResults();

  return {
    render(model) {
      m = model;
      messages.show([]);
      slider.sync(m.n);
      big.checked = m.big;
      setText(measure, m.measureLabel);
      measure.disabled = running;
      halve.disabled = !m.canHalve;
      double.disabled = !m.canDouble;
      setText(compareCaption, m.caption);
      setRows(compareBody, m.rows.map((r) => [r.what, r.rnn, r.attention]));
      setText(doubling, m.doubling);
      const side = m.grid.side, cell = 160 / side;
      setText(gridTitle, m.grid.title);
      if (side !== gridSide) { // the picture depends on its side only: redrawn when that changes
        gridSide = side;
        // Two paths (the off-diagonal cells, the diagonal ones) instead of side² rectangles: the
        // same picture, but dragging N no longer makes the browser build and lay out up to
        // thousands of SVG elements per step.
        const cells = [[], []];
        for (let i = 0; i < side * side; i++) {
          const r = Math.floor(i / side), c = i % side;
          cells[r === c ? 1 : 0].push(`M${c * cell} ${r * cell}h${cell}v${cell}h${-cell}z`);
        }
        grid.replaceChildren(svg('path', { class: 'scene-grid-cell', d: cells[0].join('') || 'M0 0' }), svg('path', { class: 'scene-grid-diag', d: cells[1].join('') }));
      }
    },
    destroy() {
      destroyed = true;
      job++;
      for (const t of timers) win.clearTimeout(t);
      timers.clear();
    },
  };
}
