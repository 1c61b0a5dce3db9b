// Step 15: speed, reach and cost. A table compares a recurrent network with self-attention for a
// chosen N (sequential steps, hops from first to last token, score-matrix size). Then the N² cost
// is measured live: the engine's attention (d_model 64, one head) is timed for growing N, in small
// batches between setTimeout pauses so the page stays responsive, and drawn as log–log charts of
// time and score-matrix memory with a table of the numbers. Only N ≤ 128 is measured on its own.
import { domFor, uid } from '../lib/dom.js';
import { normals, randomMatrix } from '../model/toy-model.js';
import { comparisonRows, doublingRatio, timeCall } from './cost-timing.js';
import { decades, logScale } from '../views/log-scale.js';
import { formatBytes, formatCount, formatMs } from '../lib/format.js';
import { readBool, readInt } from './scene-inputs.js';
import { messageLine, rangeField } from '../views/controls.js';

const D_MODEL = 64;
const AUTO_NS = [16, 32, 64, 128];
const FULL_NS = [16, 32, 64, 128, 256, 512];
const MAX_N = 4096;
const GRID_MAX = 32; // the score grid is drawn cell by cell up to 32 × 32

export default {
  id: 'cost',
  title: 'Speed, reach and cost',
  defaults() {
    return { n: 10, big: false };
  },
  mount(host, ctx) {
    const { el, svg } = domFor(host);
    const win = host.ownerDocument.defaultView;
    const messages = messageLine(host);

    // ---- RNN versus attention ------------------------------------------------------------
    const slider = rangeField(host, { label: 'Tokens N', min: 2, max: MAX_N, onInput: (v) => ctx.set({ n: v }), onCommit: (v) => ctx.announce(`N = ${v}: ${formatCount(v * v)} scores.`) });
    const halve = el('button', { type: 'button', class: 'al-button' }, 'Halve N');
    const double = el('button', { type: 'button', class: 'al-button' }, 'Double N');
    let n = 10;
    const jump = (v) => { ctx.set({ n: v }); ctx.announce(`N = ${v}: ${formatCount(v * v)} scores.`); };
    halve.addEventListener('click', () => jump(Math.max(2, Math.round(n / 2))));
    double.addEventListener('click', () => jump(Math.min(MAX_N, n * 2)));
    const compareBody = el('tbody', {});
    const compareCaption = el('caption', {});
    const compare = el('table', { class: 'al-matrix scene-table', 'data-testid': 'compare-table' }, compareCaption,
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'For N tokens'), el('th', { scope: 'col' }, 'Recurrent network'), el('th', { scope: 'col' }, 'Self-attention'))),
      compareBody);
    const doubling = el('p', { 'data-testid': 'doubling' });
    const gridTitle = el('p', { class: 'al-view-title', id: uid('scene-grid') });
    const grid = svg('svg', { class: 'scene-grid', viewBox: '0 0 160 160', role: 'img', 'aria-labelledby': gridTitle.id });

    // ---- measurement -----------------------------------------------------------------------
    const measure = el('button', { type: 'button', class: 'al-button al-primary' }, 'Measure up to N = 512');
    const big = el('input', { type: 'checkbox' });
    big.addEventListener('change', () => ctx.set({ big: big.checked }));
    const progress = el('progress', { max: '1', value: '0', 'aria-label': 'Measurement progress' });
    const status = el('p', { class: 'al-note', 'data-testid': 'cost-status' });
    const charts = el('div', { class: 'al-grid' });
    const timeChart = chartBox('Time per attention call (log–log)');
    const memChart = chartBox('Memory of one N × N score matrix (log–log)');
    const tableBody = el('tbody', {});
    const costTable = el('table', { class: 'al-matrix scene-table', 'data-testid': 'cost-table' },
      el('caption', {}, 'Measured in this browser: median time per call, d_model = 64, one head'),
      el('thead', {}, el('tr', {}, ...['N', 'Scores (N²)', 'Score matrix (N² × 4 bytes)', 'Time (core only)', 'Time (all stages kept)']
        .map((t) => el('th', { scope: 'col' }, t)))),
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

    function chartBox(label) {
      const title = el('p', { class: 'al-view-title', id: uid('cost-chart') });
      title.textContent = label;
      const box = el('div', { class: 'al-cell' }, title);
      const plot = svg('svg', { class: 'cost-chart', viewBox: '0 0 360 240', role: 'img', 'aria-labelledby': title.id });
      box.append(plot);
      charts.append(box);
      return plot;
    }

    // A log–log line chart: series [{ name, points: [[x, y]], shape }], axis titles, tick text.
    function drawChart(plot, { series, xTitle, yTitle, yFormat, base = 10 }) {
      plot.replaceChildren();
      const all = series.flatMap((s) => s.points);
      if (!all.length) {
        plot.append(svg('text', { x: 180, y: 120, 'text-anchor': 'middle', class: 'cost-chart-text' }, 'No measurements yet'));
        return;
      }
      const M = { l: 74, r: 12, t: 12, b: 44 };
      const xs = [...new Set(all.map((p) => p[0]))].sort((a, b) => a - b);
      const { domain, ticks } = decades(Math.min(...all.map((p) => p[1])), Math.max(...all.map((p) => p[1])), base);
      const sx = logScale([xs[0], xs.length > 1 ? xs[xs.length - 1] : xs[0] * 2], [M.l, 360 - M.r]);
      const sy = logScale(domain, [240 - M.b, M.t]);
      for (const t of ticks) {
        const y = sy(t);
        plot.append(svg('line', { x1: M.l, x2: 360 - M.r, y1: y, y2: y, class: 'cost-chart-grid' }),
          svg('text', { x: M.l - 6, y: y + 4, 'text-anchor': 'end', class: 'cost-chart-text' }, yFormat(t)));
      }
      for (const x of xs) {
        plot.append(svg('text', { x: sx(x), y: 240 - M.b + 16, 'text-anchor': 'middle', class: 'cost-chart-text' }, String(x)));
      }
      plot.append(
        svg('line', { x1: M.l, x2: 360 - M.r, y1: 240 - M.b, y2: 240 - M.b, class: 'cost-chart-axis' }),
        svg('line', { x1: M.l, x2: M.l, y1: M.t, y2: 240 - M.b, class: 'cost-chart-axis' }),
        svg('text', { x: (M.l + 360 - M.r) / 2, y: 236, 'text-anchor': 'middle', class: 'cost-chart-title' }, xTitle),
        svg('text', { x: 12, y: (M.t + 240 - M.b) / 2, 'text-anchor': 'middle', class: 'cost-chart-title', transform: `rotate(-90 12 ${(M.t + 240 - M.b) / 2})` }, yTitle));
      series.forEach((s, k) => {
        const pts = s.points.map(([x, y]) => [sx(x), sy(y)]);
        plot.append(svg('polyline', { points: pts.map((p) => p.join(',')).join(' '), class: `cost-chart-line scene-series-${k}` }));
        for (const [x, y] of pts) {
          plot.append(s.shape === 'square'
            ? svg('rect', { x: x - 4, y: y - 4, width: 8, height: 8, class: `cost-chart-dot scene-series-${k}` })
            : svg('circle', { cx: x, cy: y, r: 4.5, class: `cost-chart-dot scene-series-${k}` }));
        }
        const ly = M.t + 8 + k * 16;
        plot.append(s.shape === 'square'
          ? svg('rect', { x: M.l + 10, y: ly - 4, width: 8, height: 8, class: `cost-chart-dot scene-series-${k}` })
          : svg('circle', { cx: M.l + 14, cy: ly, r: 4.5, class: `cost-chart-dot scene-series-${k}` }),
        svg('text', { x: M.l + 24, y: ly + 4, class: 'cost-chart-text' }, s.name));
      });
    }

    // ---- running the measurement ------------------------------------------------------------
    const results = new Map(); // N → { core, full } in ms per call
    let job = 0, running = false, destroyed = false;
    const timers = new Set();
    const inputs = { wq: randomMatrix(D_MODEL, D_MODEL, 11), wk: randomMatrix(D_MODEL, D_MODEL, 12), wv: randomMatrix(D_MODEL, D_MODEL, 13) };

    function drawResults() {
      const ns = [...results.keys()].sort((a, b) => a - b);
      tableBody.replaceChildren(...ns.map((N) => {
        const r = results.get(N);
        return el('tr', {}, el('th', { scope: 'row' }, String(N)), el('td', {}, formatCount(N * N)), el('td', {}, formatBytes(N * N * 4)),
          el('td', {}, r.core === undefined ? '…' : formatMs(r.core)), el('td', {}, r.full === undefined ? '…' : formatMs(r.full)));
      }));
      const pick = (key) => ns.filter((N) => results.get(N)[key] !== undefined).map((N) => [N, results.get(N)[key]]);
      drawChart(timeChart, {
        series: [{ name: 'core only', points: pick('core'), shape: 'circle' }, { name: 'every intermediate', points: pick('full'), shape: 'square' }],
        xTitle: 'tokens N', yTitle: 'time per call', yFormat: formatMs,
      });
      const memNs = [...new Set([...FULL_NS, ...ns])].sort((a, b) => a - b);
      drawChart(memChart, { series: [{ name: 'N² × 4 bytes', points: memNs.map((N) => [N, N * N * 4]), shape: 'square' }], xTitle: 'tokens N', yTitle: 'memory', yFormat: formatBytes, base: 4 });
      const times = (key) => Object.fromEntries(ns.filter((N) => results.get(N)[key] !== undefined).map((N) => [N, results.get(N)[key]]));
      const rc = doublingRatio(times('core')), rf = doublingRatio(times('full'));
      ratio.textContent = rc
        ? `Doubling N from ${rc.from} to ${rc.to} multiplied the time by ${rc.ratio.toFixed(1)} (core)${rf ? ` and ${rf.ratio.toFixed(1)} (every intermediate)` : ''}, and the score matrix by exactly 4. Pure N² work would give 4; at small N the parts that grow only like N (the projections) still weigh in, so the ratio is smaller there.`
        : 'No measurement yet.';
      if (rc && rc.to < 256) ratio.textContent += ' These sizes are still small, so fixed costs and timer noise weigh heavily; measure up to N = 512 for a clearer picture.';
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
        for (let i = 0; i < 4; i++) { ctx.engine.attention({ x: w, n: 128, dModel: D_MODEL, ...inputs }); await pause(); }
        for (const N of ns) {
          const x = normals(N * D_MODEL, 100 + N);
          results.set(N, { ...(results.get(N) ?? {}) });
          for (const key of ['core', 'full']) {
            status.textContent = `Measuring N = ${N} (${key === 'core' ? 'core only' : 'every intermediate'}), ${done + 1} of ${steps}…`;
            progress.value = done / steps;
            const options = { x, n: N, dModel: D_MODEL, ...inputs, outputOnly: key === 'core' };
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
        if (err.message !== 'cancelled') status.textContent = `The measurement stopped: ${err.message}`;
      }).finally(() => {
        if (id === job) { running = false; measure.disabled = false; }
      });
    }

    measure.addEventListener('click', () => {
      const ns = ctx.get().big === true ? [...FULL_NS, 1024] : FULL_NS;
      results.clear();
      run(ns);
    });
    // The cheap default: only the small sizes, after the page has drawn.
    const first = win.setTimeout(() => { timers.delete(first); if (!destroyed) run(AUTO_NS); }, 200);
    timers.add(first);
    status.textContent = 'Measuring N = 16 to 128 shortly; press the button for larger N.';
    drawResults();

    return {
      render(s) {
        const nr = readInt(s.n, { min: 2, max: MAX_N, fallback: 10, name: 'number of tokens' });
        const b = readBool(s.big, false, 'N = 1024 option');
        messages.show([nr.message, b.message]);
        n = nr.value;
        slider.sync(n);
        big.checked = b.value;
        measure.textContent = `Measure up to N = ${b.value ? 1024 : 512}`;
        measure.disabled = running;
        halve.disabled = n <= 2;
        double.disabled = n >= MAX_N;
        compareCaption.textContent = `A recurrent network and self-attention for N = ${formatCount(n)} tokens`;
        compareBody.replaceChildren(...comparisonRows(n).map((r) => el('tr', {}, el('th', { scope: 'row' }, r.what), el('td', {}, r.rnn), el('td', {}, r.attention))));
        const n2 = n * 2;
        doubling.textContent = `Doubling to N = ${formatCount(n2)} gives ${formatCount(n2 * n2)} scores instead of ${formatCount(n * n)}: ${(n2 * n2) / (n * n)} times as many, while the recurrent chain only gets ${formatCount(n2 - n)} steps longer.`;

        // The score grid, cell by cell while that stays readable.
        const side = Math.min(n, GRID_MAX), cell = 160 / side;
        gridTitle.textContent = n <= GRID_MAX ? `The score grid: ${n} × ${n} = ${formatCount(n * n)} cells (the filled diagonal: each token with itself)` : `The score grid: ${formatCount(n)} × ${formatCount(n)} = ${formatCount(n * n)} cells (drawn as 32 × 32; each square stands for ${formatCount((n * n) / (side * side))} scores)`;
        grid.replaceChildren(...Array.from({ length: side * side }, (_, i) => svg('rect', {
          x: (i % side) * cell, y: Math.floor(i / side) * cell, width: cell, height: cell, class: Math.floor(i / side) === i % side ? 'scene-grid-diag' : 'scene-grid-cell',
        })));
      },
      destroy() {
        destroyed = true;
        job++;
        for (const t of timers) win.clearTimeout(t);
        timers.clear();
      },
    };
  },
};
