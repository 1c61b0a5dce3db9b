// Step 3: the dot product as a similarity score. Two or three 2-D vectors (love, Apple, phones)
// are dragged on a plot, moved with the arrow keys, or typed exactly; the engine computes every
// dot product, and the scene reads the lengths (√(a·a)) and the angle from them and says in words
// whether the chosen pair points the same way, at a right angle, or apart.
import { createVectorPlot, createBarChart, createMatrixEditor, createMatrixTable } from '../views/index.js';
import { domFor, uid } from '../lib/dom.js';
import { formatNumber, roundTo } from '../lib/format.js';
import { formulaBox } from '../views/formula-box.js';
import { readInt, readNumbers } from './scene-inputs.js';
import { lengthFromDot, angleDegrees, dotRelation } from './similarity-words.js';

const NAMES = ['love', 'Apple', 'phones'];
const RANGE = [-4, 4];
// The source's flowchart: Apple·love = −2, Apple·Apple = 8, Apple·phones = 8.
const DEFAULTS = { vectors: [-1, 0, 2, 2, 1, 3], count: 3, a: 1, b: 0 };
// The step text's own example: love = [1, 0], Apple = [1, 1], phones = [0, 2].
const TEXT_EXAMPLE = [1, 0, 1, 1, 0, 2];

export default {
  id: 'dot-product',
  title: 'Dot product as similarity',
  defaults() { return { ...DEFAULTS, vectors: DEFAULTS.vectors.slice() }; },
  mount(host, ctx) {
    const { el } = domFor(host);
    const id = uid('a3');
    const win = host.ownerDocument.defaultView;

    const formula = formulaBox(host, ctx.formulas.dot, 'Formula');
    const aSelect = el('select', { class: 'al-select', id: `${id}-a` });
    const bSelect = el('select', { class: 'al-select', id: `${id}-b` });
    const third = el('input', { type: 'checkbox', id: `${id}-third`, class: 'scene-check' });
    const controls = el('div', { class: 'al-controls' },
      el('label', { for: `${id}-a` }, 'First vector'), aSelect,
      el('label', { for: `${id}-b` }, 'second vector'), bSelect,
      el('label', { for: `${id}-third`, class: 'scene-radio' }, third, 'Show a third vector'));
    const stretch = el('button', { type: 'button', class: 'al-button' }, 'Stretch the second vector ×2');
    const shrink = el('button', { type: 'button', class: 'al-button' }, 'Shrink it ×½');
    const presetText = el('button', { type: 'button', class: 'al-button' }, 'Use the vectors from the text above');
    const presetSource = el('button', { type: 'button', class: 'al-button' }, 'Back to the starting vectors');
    const actions = el('div', { class: 'al-controls' }, stretch, shrink, presetText, presetSource);
    const message = el('p', { class: 'al-message', hidden: true });

    const plotHost = el('div', { class: 'al-cell' });
    const side = el('div', { class: 'al-cell' });
    const stat = (testid, cls = 'al-stat') => el('p', { class: cls, 'data-testid': testid });
    const dotLine = stat('dot-value', 'al-stat scene-big');
    const lengths = stat('dot-lengths');
    const angle = stat('dot-angle');
    const relation = stat('dot-relation', 'al-callout');
    const editorHost = el('div');
    side.append(el('h3', {}, 'The chosen pair'), dotLine, lengths, angle, relation);
    const barsHost = el('div', { class: 'al-cell' });
    const gramHost = el('div', { class: 'al-cell' });
    host.append(formula, controls, actions, message, el('div', { class: 'al-grid scene-two' }, plotHost, side),
      el('h3', {}, 'Exact coordinates (type instead of dragging)'), editorHost,
      el('div', { class: 'al-grid scene-two' }, barsHost, gramHost));

    let vectors = DEFAULTS.vectors.slice();
    let count = 3;
    let pair = [1, 0];
    let announceTimer = null;
    const announceSoon = (delay = 700) => {
      win.clearTimeout(announceTimer);
      announceTimer = win.setTimeout(() => ctx.announce(`${dotLine.textContent} ${relation.textContent}`), delay);
    };
    const setVector = (i, x, y) => {
      const next = vectors.slice();
      next[i * 2] = roundTo(x);
      next[i * 2 + 1] = roundTo(y);
      vectors = next; // keep the local copy current until the next render
      ctx.set({ vectors: next });
    };
    const plot = createVectorPlot(plotHost, {
      label: 'Vectors (drag the points)', xLabel: 'dimension 1', yLabel: 'dimension 2', range: RANGE,
      onMove: (i, [x, y]) => { setVector(i, x, y); announceSoon(); },
    });
    const editor = createMatrixEditor(editorHost, {
      caption: 'Vector coordinates', min: RANGE[0], max: RANGE[1], step: 0.5,
      onChange: (values) => {
        const next = vectors.slice();
        values.forEach((v, i) => { next[i] = roundTo(v); });
        vectors = next; // keep the local copy current until the next render
        ctx.set({ vectors: next });
        announceSoon(300);
      },
    });
    const bars = createBarChart(barsHost, { label: 'Dot product of the first vector with each vector' });
    const gram = createMatrixTable(gramHost);

    aSelect.addEventListener('change', () => ctx.set({ a: Number(aSelect.value) }));
    bSelect.addEventListener('change', () => ctx.set({ b: Number(bSelect.value) }));
    third.addEventListener('change', () => {
      if (third.checked) { ctx.set({ count: 3 }); return; }
      const a = Math.min(pair[0], 1);
      let b = Math.min(pair[1], 1);
      if (b === a && pair[0] !== pair[1]) b = 1 - a; // keep two different vectors when they were
      ctx.set({ count: 2, a, b });
    });
    const scaleSecond = (factor) => {
      const b = pair[1];
      const x = vectors[b * 2] * factor;
      const y = vectors[b * 2 + 1] * factor;
      if (Math.max(Math.abs(x), Math.abs(y)) > RANGE[1]) {
        message.hidden = false;
        message.textContent = `${NAMES[b]} cannot be stretched further: its coordinates must stay between −4 and 4. Shrink it first or pick another vector.`;
        return;
      }
      setVector(b, x, y);
      announceSoon(100);
    };
    stretch.addEventListener('click', () => scaleSecond(2));
    shrink.addEventListener('click', () => scaleSecond(0.5));
    presetText.addEventListener('click', () => { ctx.set({ vectors: TEXT_EXAMPLE.slice(), count: 3 }); announceSoon(100); });
    presetSource.addEventListener('click', () => { ctx.set({ ...DEFAULTS, vectors: DEFAULTS.vectors.slice() }); announceSoon(100); });

    const fill = (select, n, value) => {
      if (select.options.length !== n) select.replaceChildren(...NAMES.slice(0, n).map((w, i) => el('option', { value: String(i) }, w)));
      select.value = String(value);
    };

    return {
      render(s) {
        const vec = readNumbers(s.vectors, 6, { min: RANGE[0], max: RANGE[1], fallback: DEFAULTS.vectors, name: 'vectors' });
        const cnt = readInt(s.count, { min: 2, max: 3, fallback: DEFAULTS.count, name: 'number of vectors' });
        const n = cnt.value;
        const a = readInt(s.a, { min: 0, max: n - 1, fallback: Math.min(DEFAULTS.a, n - 1), name: 'first vector' });
        const b = readInt(s.b, { min: 0, max: n - 1, fallback: DEFAULTS.b, name: 'second vector' });
        const messages = [vec.message, cnt.message, a.message, b.message].filter(Boolean);
        message.textContent = messages.join(' ');
        message.hidden = !messages.length;
        vectors = vec.value;
        count = n;
        pair = [a.value, b.value];
        const [i, j] = pair;

        // Every dot product at once: the engine's n × n table.
        const x = vectors.slice(0, n * 2);
        const g = ctx.engine.dotProducts(x, x, n, n, 2);
        const lenA = lengthFromDot(g[i * n + i]);
        const lenB = lengthFromDot(g[j * n + j]);
        const dot = g[i * n + j];
        const ang = angleDegrees(dot, lenA, lenB);
        const rel = dotRelation(ang);

        fill(aSelect, n, i);
        fill(bSelect, n, j);
        third.checked = n === 3;
        const names = NAMES.slice(0, n);
        const xi = [x[i * 2], x[i * 2 + 1]];
        const xj = [x[j * 2], x[j * 2 + 1]];
        plot.update({
          points: names.map((w, k) => ({ label: w, x: x[k * 2], y: x[k * 2 + 1], movable: true, kind: k === i ? 'query' : k === j ? 'key' : 'default' })),
          arrows: names.map((w, k) => ({ from: [0, 0], to: [x[k * 2], x[k * 2 + 1]], kind: k === i ? 'query' : k === j ? 'key' : 'default' })),
        });
        editor.update({ values: x, rows: n, cols: 2, rowLabels: names, colLabels: ['dim 1', 'dim 2'], digits: 2 });

        const p = (v) => (v < 0 ? `(${formatNumber(v)})` : formatNumber(v));
        dotLine.textContent = `${names[i]} · ${names[j]} = ${p(xi[0])}×${p(xj[0])} + ${p(xi[1])}×${p(xj[1])} = ${formatNumber(dot)}`;
        lengths.textContent = `|${names[i]}| = √(${names[i]}·${names[i]}) = √${formatNumber(g[i * n + i])} = ${formatNumber(lenA)};  |${names[j]}| = √${formatNumber(g[j * n + j])} = ${formatNumber(lenB)}`;
        angle.textContent = ang === null ? 'Angle: undefined (a vector of length 0 has no direction).'
          : `Angle between them: ${Math.round(ang)}°  (cos = ${formatNumber(dot)} ÷ (${formatNumber(lenA)} × ${formatNumber(lenB)}) = ${formatNumber(dot / (lenA * lenB))})`;
        relation.textContent = `${names[i]} and ${names[j]}: ${rel.text}.`;
        relation.dataset.kind = rel.kind;

        bars.update({ bars: names.map((w, k) => ({ label: w, value: g[i * n + k] })), format: (v) => formatNumber(v) });
        gram.update({ values: g, rows: n, cols: n, rowLabels: names, colLabels: names, caption: 'Every dot product (the table is symmetric: a·b = b·a)', highlight: { row: i, col: j }, digits: g.every(Number.isInteger) ? 0 : 2 });
      },
      destroy() {
        win.clearTimeout(announceTimer);
        plot.destroy();
        editor.destroy();
        bars.destroy();
        gram.destroy();
      },
    };
  },
};
