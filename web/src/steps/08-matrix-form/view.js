// Step 8's view: size boxes and sliders, seed and presets, the shape pipeline diagram, the
// sentences about inner sizes, the heatmap at the chosen size and the traced row. Draws what
// model.js computed; edits go back through ctx.set.
import { createHeatmap } from '../../views/index.js';
import { domFor, setText, setLines, setHidden } from '../../lib/dom.js';
import { formatShape } from '../../lib/format.js';
import { formulaBox } from '../../views/formula-box.js';
import { boxSize } from '../../views/shape-box.js';
import { INPUTS, PRESETS } from './inputs.js';
import { readSize } from './model.js';

export function mount(host, ctx) {
  const { el } = domFor(host);
  const formula = formulaBox(host, ctx.formulas.attention, 'Formula');
  const sizes = el('div', { class: 'scene-sizes' });
  const message = el('p', { class: 'al-message', role: 'status', hidden: true });
  let current = null; // the last model
  let spoken = '';
  const say = (text) => { setText(message, text); message.hidden = !text; spoken = text; };
  const patch = (key, value) => {
    const next = { [key]: value };
    if (key === 'dModel' && current.dK > value) next.dK = value; // d_k can never exceed d_model here
    if (key === 'n' && current.query >= value) next.query = value - 1;
    ctx.set(next);
  };
  const sizeControl = (key, label) => {
    const { min, max } = INPUTS[key];
    const number = el('input', { type: 'number', class: 'al-input scene-num', min: String(min), max: String(max), step: '1', 'aria-label': `${label} (number)` });
    const range = el('input', { type: 'range', min: String(min), max: String(max), step: '1', 'aria-label': `${label} (slider)` });
    const commit = (raw) => {
      const r = readSize(raw, label, min, Number(number.max));
      if (r.note) say(r.note);
      if (r.value !== null) patch(key, r.value);
    };
    number.addEventListener('change', () => commit(number.value));
    range.addEventListener('input', () => commit(range.value));
    sizes.append(el('label', {}, el('span', {}, label), number, range));
    return { number, range };
  };
  const controls = { n: sizeControl('n', 'N, tokens'), dModel: sizeControl('dModel', 'd_model, embedding width'), dK: sizeControl('dK', 'd_k, query/key width') };
  const seedInput = el('input', { type: 'number', class: 'al-input scene-num', min: '0', max: '9999', step: '1' });
  seedInput.addEventListener('change', () => {
    const v = Number(seedInput.value);
    if (seedInput.value === '' || !Number.isInteger(v) || v < 0 || v > 9999) { say('The seed must be a whole number from 0 to 9999.'); return; }
    ctx.set({ seed: v });
  });
  const presets = PRESETS.map((p) => {
    const b = el('button', { type: 'button', class: 'al-button' }, p.label);
    b.addEventListener('click', () => { ctx.set(p.patch); ctx.announce(p.say); });
    return b;
  });

  const pipeline = el('ol', { class: 'scene-pipeline', 'aria-label': 'Shapes along the pipeline' });
  const stage = (name, testid, dashed) => {
    const boxEl = el('span', { class: dashed ? 'shape-box shape-box-w' : 'shape-box', 'aria-hidden': 'true' });
    const shape = el('span', { class: 'scene-shape', 'data-testid': testid });
    pipeline.append(el('li', { class: 'scene-stage' }, boxEl, el('span', { class: 'scene-stage-name' }, name), shape));
    return { boxEl, shape };
  };
  const arrow = () => pipeline.append(el('li', { class: 'scene-arrow', 'aria-hidden': 'true' }, '→'));
  const boxes = {};
  boxes.x = stage('X', 'shape-x'); arrow();
  boxes.w = stage('W_Q, W_K, W_V (each)', 'shape-w', true); arrow();
  boxes.q = stage('Q, K, V (each)', 'shape-q'); arrow();
  boxes.scores = stage('QKᵀ / √d_k', 'shape-scores'); arrow();
  boxes.weights = stage('softmax weights', 'shape-weights'); arrow();
  boxes.output = stage('output = weights · V', 'shape-output');
  const engineLine = el('p', { class: 'al-stat', 'data-testid': 'engine-shapes' });
  const countLine = el('p', { class: 'al-stat', 'data-testid': 'score-count' });
  const products = el('ul', { class: 'al-trace', 'aria-label': 'Inner sizes of each product' });
  const viewSelect = el('select', { class: 'al-select' }, el('option', { value: 'scores' }, 'raw scores QKᵀ'), el('option', { value: 'weights' }, 'softmax weights'));
  viewSelect.addEventListener('change', () => ctx.set({ view: viewSelect.value }));
  const mapBox = el('div', { class: 'al-cell' });
  const trace = el('ol', { class: 'al-trace', 'data-testid': 'row-trace', 'aria-label': 'One output row traced back' });
  host.append(formula,
    el('h3', {}, 'Choose the sizes'), sizes,
    el('div', { class: 'al-controls' }, el('label', {}, 'Random seed', seedInput), ...presets),
    message,
    el('h3', {}, 'The shapes, stage by stage'), pipeline, engineLine, countLine, products,
    el('h3', {}, 'The engine\u2019s result at these sizes'),
    el('p', { class: 'al-note' }, 'Tokens t1…tN get seeded toy embeddings and the W matrices are seeded random numbers, so only the shapes carry meaning here. Click a row to trace it.'),
    el('div', { class: 'al-controls' }, el('label', {}, 'Show', viewSelect)), mapBox,
    el('h3', {}, 'One output row, traced back'), trace);
  const map = createHeatmap(mapBox, { label: 'N × N grid', onLockChange: (row) => { if (row !== null) ctx.set({ query: row }); } });

  return {
    render(m, values) {
      current = m;
      const text = m.notes.length ? m.notes.join(' ') : spoken;
      setText(message, text);
      setHidden(message, !text);
      spoken = '';
      for (const [key, v] of Object.entries({ n: m.n, dModel: m.dModel, dK: m.dK })) {
        const c = controls[key];
        if (key === 'dK') { c.number.max = String(m.dModel); c.range.max = String(m.dModel); }
        if (!c.number.matches(':focus') || Number(c.number.value) !== v) c.number.value = String(v);
        c.range.value = String(v);
        c.range.setAttribute('aria-valuetext', String(v));
      }
      if (!seedInput.matches(':focus')) seedInput.value = String(values.seed);
      viewSelect.value = m.view;
      for (const [k, b] of Object.entries(boxes)) {
        const [rows, cols] = m.shapes[k];
        setText(b.shape, formatShape(rows, cols));
        const size = boxSize(rows, cols);
        b.boxEl.style.width = `${size.width}px`;
        b.boxEl.style.height = `${size.height}px`;
      }
      setText(engineLine, m.engineLine);
      setText(countLine, m.countLine);
      setLines(products, m.productLines);
      const h = m.head;
      map.update({
        values: m.view === 'scores' ? h.scores : h.weights, rows: m.n, cols: m.n, rowLabels: m.tokens, colLabels: m.tokens,
        stage: m.view === 'scores' ? 'raw scores QKᵀ' : 'softmax weights (rows sum to 1)',
        scale: m.view === 'scores' ? 'diverging' : 'sequential', domain: m.view === 'weights' ? [0, 1] : undefined,
        lockedRow: m.query, highlightRow: m.query, showTable: ctx.ui.table, digits: 2,
      });
      setLines(trace, m.traceLines);
    },
    destroy() { map.destroy(); },
  };
}
