// Step 3's view: the pair menus, stretch/shrink and preset buttons, the draggable vector plot, the
// exact-coordinates editor, the bar chart and the table of every dot product. Draws what model.js
// computed; edits go back through ctx.set.
import { createVectorPlot, createBarChart, createMatrixEditor, createMatrixTable } from '../../views/index.js';
import { domFor, uid, setText, setHidden } from '../../lib/dom.js';
import { formatNumber, roundTo } from '../../lib/format.js';
import { formulaBox } from '../../views/formula-box.js';
import { INPUTS, NAMES, RANGE, TEXT_EXAMPLE } from './inputs.js';

export function mount(host, ctx) {
  const { el } = domFor(host);
  const id = uid('dot');

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
  const presetStart = el('button', { type: 'button', class: 'al-button' }, 'Back to the starting vectors');
  const actions = el('div', { class: 'al-controls' }, stretch, shrink, presetText, presetStart);
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

  let current = null; // { m, values } of the last render
  const announceSoon = (delay = 700) => ctx.announceSettled(() => `${dotLine.textContent} ${relation.textContent}`, delay);
  const setVectors = (next) => {
    current.values = { ...current.values, vectors: next };
    ctx.set({ vectors: next });
  };
  const setVector = (k, x, y) => {
    const next = current.values.vectors.slice();
    next[k * 2] = roundTo(x);
    next[k * 2 + 1] = roundTo(y);
    setVectors(next);
  };
  const plot = createVectorPlot(plotHost, {
    label: 'Vectors (drag the points)', xLabel: 'dimension 1', yLabel: 'dimension 2', range: RANGE,
    onMove: (k, [x, y]) => { setVector(k, x, y); announceSoon(); },
  });
  const editor = createMatrixEditor(editorHost, {
    caption: 'Vector coordinates', min: RANGE[0], max: RANGE[1], step: 0.5,
    onChange: (values) => {
      const next = current.values.vectors.slice();
      values.forEach((v, k) => { next[k] = roundTo(v); });
      setVectors(next);
      announceSoon(300);
    },
  });
  const bars = createBarChart(barsHost, { label: 'Dot product of the first vector with each vector' });
  const gram = createMatrixTable(gramHost);

  aSelect.addEventListener('change', () => ctx.set({ a: Number(aSelect.value) }));
  bSelect.addEventListener('change', () => ctx.set({ b: Number(bSelect.value) }));
  third.addEventListener('change', () => {
    if (third.checked) { ctx.set({ count: 3 }); return; }
    const { i, j } = current.m;
    const a = Math.min(i, 1);
    let b = Math.min(j, 1);
    if (b === a && i !== j) b = 1 - a; // keep two different vectors when they were
    ctx.set({ count: 2, a, b });
  });
  const scaleSecond = (factor) => {
    const b = current.m.j;
    const v = current.values.vectors;
    const x = v[b * 2] * factor, y = v[b * 2 + 1] * factor;
    if (Math.max(Math.abs(x), Math.abs(y)) > RANGE[1]) {
      setHidden(message, false);
      setText(message, `${NAMES[b]} cannot be stretched further: its coordinates must stay between ${formatNumber(RANGE[0], 0)} and ${formatNumber(RANGE[1], 0)}. Shrink it first or pick another vector.`);
      return;
    }
    setVector(b, x, y);
    announceSoon(100);
  };
  stretch.addEventListener('click', () => scaleSecond(2));
  shrink.addEventListener('click', () => scaleSecond(0.5));
  presetText.addEventListener('click', () => { ctx.set({ vectors: TEXT_EXAMPLE.slice(), count: 3 }); announceSoon(100); });
  presetStart.addEventListener('click', () => {
    ctx.set(Object.fromEntries(Object.entries(INPUTS).map(([k, s]) => [k, Array.isArray(s.default) ? s.default.slice() : s.default])));
    announceSoon(100);
  });
  const fill = (select, n, value) => {
    if (select.options.length !== n) select.replaceChildren(...NAMES.slice(0, n).map((w, k) => el('option', { value: String(k) }, w)));
    select.value = String(value);
  };

  return {
    render(m, values) {
      current = { m, values };
      setText(message, m.notes.join(' '));
      setHidden(message, !m.notes.length);
      fill(aSelect, m.n, m.i);
      fill(bSelect, m.n, m.j);
      third.checked = m.n === 3;
      const kind = (k) => (k === m.i ? 'query' : k === m.j ? 'key' : 'default');
      plot.update({
        points: m.names.map((w, k) => ({ label: w, x: m.x[k * 2], y: m.x[k * 2 + 1], movable: true, kind: kind(k) })),
        arrows: m.names.map((w, k) => ({ from: [0, 0], to: [m.x[k * 2], m.x[k * 2 + 1]], kind: kind(k) })),
      });
      editor.update({ values: m.x, rows: m.n, cols: 2, rowLabels: m.names, colLabels: INPUTS.vectors.colLabels, digits: 2 });
      setText(dotLine, m.dotLine);
      setText(lengths, m.lengthsLine);
      setText(angle, m.angleLine);
      setText(relation, m.relationLine);
      relation.dataset.kind = m.relation.kind;
      bars.update({ bars: m.names.map((w, k) => ({ label: w, value: m.gram[m.i * m.n + k] })), format: (v) => formatNumber(v) });
      gram.update({ values: m.gram, rows: m.n, cols: m.n, rowLabels: m.names, colLabels: m.names, caption: 'Every dot product (the table is symmetric: a·b = b·a)', highlight: { row: m.i, col: m.j }, digits: 2 });
    },
    destroy() {
      plot.destroy();
      editor.destroy();
      bars.destroy();
      gram.destroy();
    },
  };
}
