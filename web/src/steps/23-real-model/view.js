// Step 23's view: the DOM of "A real model reads your sentence" — the model's status and size,
// the sentence box and presets, the tokens (unknown words marked), the grid of every layer × head
// map (buttons: a thumbnail each, with its text alternative and, on request, its numbers as a
// table), the enlarged head with the query scrubber and its row as bars, the heads' measured
// roles, the next-word bars and the preset notes. The model loads only when this step opens
// (language-model-loader.js); until then, or if it fails, the step says so and the rest of the
// lesson keeps working. Numbers and sentences come from model.js.
import { createBarChart, createHeatmap, createMatrixTable } from '../../views/index.js';
import { createAttentionThumbnail } from '../../views/attention-thumbnail.js';
import { rangeField } from '../../views/controls.js';
import { domFor, uid, setText, setLines, setRows, setHidden } from '../../lib/dom.js';
import { formatNumber } from '../../lib/format.js';
import { languageModelFrame, readOrSay } from '../language-model-frame.js';
import { INPUTS, PRESETS } from './inputs.js';
import { readSentence } from './read-sentence.js';

export function mount(host, ctx) {
  const { el } = domFor(host);
  let loaded = null, values = null, shown = null, cells = [], shownWords = null;
  const frame = languageModelFrame(host, ctx, { maxLength: INPUTS.sentence.maxLength, onReady: (l) => { loaded = l; draw(); } });
  const { field, problem } = frame;
  const presetBox = el('div', { class: 'al-controls', role: 'group', 'aria-label': 'Preset sentences' },
    ...PRESETS.map((p) => {
      const b = el('button', { type: 'button', class: 'al-button', 'data-preset': p.id }, `\u201c${p.text}\u201d`);
      b.addEventListener('click', () => {
        field.input.value = p.text;
        ctx.set({ sentence: p.text, query: p.query });
        speakSoon();
      });
      return b;
    }));
  const tokenList = el('ul', { class: 'lm-tokens', 'data-role': 'tokens', 'aria-label': 'The tokens the model reads' });
  const unknownLine = el('p', { class: 'al-note', 'data-role': 'unknown-line' });

  const gridBox = el('div', { class: 'lm-grid', 'data-role': 'head-grid', role: 'group', 'aria-label': 'Every attention head: layers down, heads across' });
  const gridHint = el('p', { class: 'al-hint' }, 'Each picture is one head\u2019s attention map (rows: queries, columns: keys; darker is less weight; the light grey triangle above the diagonal is hidden by the causal mask, weight 0). Choose a head to enlarge it below; the numbers of every head are in the tables under the grid.');

  const numbersBox = el('div', { class: 'lm-head-tables' });
  const numbers = el('details', { class: 'lm-head-numbers', 'data-role': 'head-numbers' }, el('summary', {}, 'Every head\u2019s weights as numbers'), numbersBox);
  numbers.addEventListener('toggle', () => { if (numbers.open && shown) cells.forEach(fillTable); });
  const focusTitle = el('h4', { 'data-role': 'focus-title' });
  const mapBox = el('div', { 'data-role': 'focus-map' });
  const scrubBox = el('div', { class: 'al-controls' });
  const scrub = rangeField(scrubBox, {
    label: 'Query token', min: 0, max: 1,
    onInput: (v) => ctx.set({ query: v }),
    onCommit: () => speakSoon(() => readout.textContent),
  });
  scrub.input.dataset.role = 'query-scrubber';
  scrubBox.append(scrub.element);
  const readout = el('p', { class: 'scene-readout', 'data-role': 'focus-readout' });
  const rowSum = el('p', { class: 'al-stat', 'data-role': 'focus-row-sum' });
  const barsBox = el('div', { 'data-role': 'focus-bars' });
  const roleLines = el('ul', { class: 'lm-role-lines', 'data-role': 'focus-roles' });

  const roleTable = el('table', { class: 'al-matrix lm-roles', 'data-role': 'role-table' },
    el('caption', {}, 'What each head does, measured'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Head'), el('th', { scope: 'col' }, 'On held-out sentences (training script)'), el('th', { scope: 'col' }, 'On this sentence'))),
    el('tbody', {}));

  const predictBox = el('div', { 'data-role': 'prediction' });
  const predictLine = el('p', { class: 'al-stat', 'data-role': 'prediction-line' });
  const presetTitle = el('h3', { hidden: true }, 'What the heads really do on this preset');
  const presetList = el('ul', { class: 'lm-preset-lines', 'data-role': 'preset-lines', hidden: true });

  host.append(frame.status, frame.controls, presetBox, problem.element, tokenList, unknownLine,
    el('h3', {}, 'Every head at once'), gridHint, gridBox, numbers,
    el('h3', {}, 'One head up close'), focusTitle, roleLines, scrubBox, readout, rowSum, barsBox, mapBox,
    el('h3', {}, 'The next word'), predictBox, predictLine,
    presetTitle, presetList,
    el('div', { class: 'al-table-wrap' }, roleTable));

  const heatmap = createHeatmap(mapBox, { label: 'The enlarged head', onLockChange: (row) => { if (row !== null) ctx.set({ query: row }); } });
  const rowBars = createBarChart(barsBox, { label: 'The query row: weight on each visible token' });
  const nextBars = createBarChart(predictBox, { label: 'Top five next tokens' });

  const speakSoon = (text = () => shown?.announce ?? '') => ctx.announceSettled(text, 400);

  function buildGrid(layers, heads) {
    gridBox.replaceChildren();
    numbersBox.replaceChildren();
    cells = [];
    for (let l = 0; l < layers; l++) {
      const row = el('div', { class: 'lm-grid-row', role: 'group', 'aria-label': `Layer ${l + 1}` }, el('span', { class: 'lm-grid-layer', 'aria-hidden': 'true' }, `Layer ${l + 1}`));
      gridBox.appendChild(row);
      for (let h = 0; h < heads; h++) {
        const id = uid('lm-head');
        const button = el('button', { type: 'button', class: 'lm-head-button', 'aria-pressed': 'false', 'aria-describedby': `${id}-alt`, 'data-layer': l + 1, 'data-head': h + 1 });
        const thumb = createAttentionThumbnail(button, { size: 96 });
        const name = el('span', { class: 'lm-head-name' }, `Layer ${l + 1}, head ${h + 1}`);
        const role = el('span', { class: 'lm-head-role' });
        button.append(name, role);
        const alt = el('p', { class: 'al-sr-only', id: `${id}-alt` });
        const tableHost = el('div', { class: 'lm-head-table', 'data-layer': l + 1, 'data-head': h + 1 });
        numbersBox.appendChild(tableHost);
        const table = createMatrixTable(tableHost, { caption: `Layer ${l + 1}, head ${h + 1}: attention weights (row = query, column = key)` });
        const cell = el('div', { class: 'lm-head-cell', 'data-layer': l + 1, 'data-head': h + 1 }, button, alt);
        row.appendChild(cell);
        button.addEventListener('click', () => { ctx.set({ layer: l + 1, head: h + 1 }); speakSoon(() => `Layer ${l + 1}, head ${h + 1}. ${readout.textContent}`); });
        button.addEventListener('keydown', (e) => {
          const moves = { ArrowRight: [0, 1], ArrowLeft: [0, -1], ArrowDown: [1, 0], ArrowUp: [-1, 0] };
          const m = moves[e.key];
          if (!m) return;
          e.preventDefault();
          const target = cells.find((c) => c.layer === l + m[0] && c.head === h + m[1]);
          target?.button.focus();
        });
        cells.push({ layer: l, head: h, button, thumb, role, alt, table });
      }
    }
  }

  function fillTable(c) {
    const g = shown.grid[c.layer][c.head];
    c.table.update({ values: g.values, rows: shown.n, cols: shown.n, rowLabels: shown.labels, colLabels: shown.labels, digits: 2 });
  }

  function draw() {
    if (!loaded || !values) return;
    const m = readOrSay(problem, () => readSentence(loaded, values));
    if (!m) return;
    shown = m;
    const c = loaded.lm.config;
    if (cells.length !== c.layers * c.heads) buildGrid(c.layers, c.heads);

    if (m.words !== shownWords) { // the tokens change with the sentence only
      shownWords = m.words;
      tokenList.replaceChildren(...m.words.map((t) => el('li', { class: t.known ? 'lm-token' : 'lm-token lm-token-unknown', 'data-known': String(t.known) },
        t.text, t.known ? null : el('span', { 'aria-hidden': 'true' }, '*'), t.known ? null : el('span', { class: 'al-sr-only' }, ' (unknown to the model)'))));
    }
    setText(unknownLine, m.unknownLine);

    if (ctx.ui?.table && !numbers.open) numbers.open = true;
    if (numbers.open) cells.forEach(fillTable);
    for (const cell of cells) {
      const g = m.grid[cell.layer][cell.head];
      cell.thumb.update({ values: g.values, n: m.n });
      const selected = cell.layer === m.layer && cell.head === m.head;
      if (cell.button.getAttribute('aria-pressed') !== String(selected)) cell.button.setAttribute('aria-pressed', String(selected));
      setText(cell.role, g.role && g.role !== 'spread' ? g.role : 'no single pattern');
      setText(cell.alt, `${g.heldLine ?? ''} ${g.liveLine} ${g.summary}`);
    }

    const f = m.focus;
    const g = m.grid[f.layer][f.head];
    setText(focusTitle, f.title);
    setLines(roleLines, [g.heldLine, g.liveLine, g.linkLine].filter(Boolean));
    scrub.sync(f.query, { min: 0, max: m.n - 1 });
    scrub.input.setAttribute('aria-valuetext', f.place);
    setText(scrub.input.nextSibling, f.place);
    setText(readout, f.readout);
    setText(rowSum, f.rowSum);
    rowBars.update({ bars: f.bars, domain: [0, 1], format: (v) => formatNumber(v) });
    heatmap.update({
      values: f.values, rows: m.n, cols: m.n, rowLabels: m.labels, colLabels: m.labels, stage: `${f.title}: softmax weights`,
      scale: 'sequential', domain: [0, 1], digits: 2, maskedAs: 'weight', lockedRow: f.query, highlightRow: f.query, showTable: ctx.ui?.table,
      rowAxisTitle: 'query', colAxisTitle: 'key',
    });

    const body = roleTable.tBodies[0];
    setRows(body, m.grid.flat().map((h) => [h.title, h.heldLine ?? 'not measured', h.liveLine]));

    nextBars.update({ bars: m.prediction.words.map((w) => ({ label: w.label, value: w.probability })), domain: [0, 1], format: (v) => formatNumber(v, 3) });
    setText(predictLine, m.prediction.line);

    setHidden(presetTitle, m.presetLines.length === 0);
    setHidden(presetList, m.presetLines.length === 0);
    setLines(presetList, m.presetLines.map((p) => p.line), 'li', (i) => ({ 'data-verdict': m.presetLines[i].verdict }));
  }

  return frame.view((v) => { values = v; }, draw, () => [heatmap, rowBars, nextBars]);
}
