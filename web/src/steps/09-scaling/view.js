// Step 9's view: the DOM of the √d_k step — sliders for d_k, n and samples, the seed and the
// scaling switch, the prediction (guess, reveal, guess again), the measured statistics table, the
// spread chart, one concrete row, and (once revealed) the chart of the gradient that gets back
// through the softmax with its table and sentence. Draws what model.js computed; changes go through ctx.set.
// A reveal stays on through every other change until "Guess again" is pressed.
import { createHeatmap } from '../../views/index.js';
import { createSpreadChart } from '../../views/spread-chart.js';
import { createLogChart } from '../../views/log-chart.js';
import { domFor, setText, uid, setLines, setRows, setHidden } from '../../lib/dom.js';
import { formulaBox } from '../../views/formula-box.js';
import { assetUrl } from '../../embed/assets.js';
import { INPUTS } from './inputs.js';
import { DK_STOPS } from './stops.js';
import { CHART_DKS, GRADIENT_TITLE } from './model.js';

// The training module measures the gradient chart; it is fetched (by its built, possibly hashed
// name) only when the learner reveals the prediction. The single file carries it inlined.
async function loadTrainer(engine) {
  const kind = engine.simd ? 'simd' : 'scalar';
  if (globalThis.ATTENTION_LESSON_WASM?.[`train-${kind}`]) return engine.loadTraining();
  const url = assetUrl(kind === 'simd' ? 'trainSimd' : 'trainScalar');
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${new URL(url).pathname}`);
  return engine.loadTraining({ trainWasmBinary: { [kind]: new Uint8Array(await response.arrayBuffer()) } });
}

export function mount(host, ctx) {
  const { el } = domFor(host);
  const formula = formulaBox(host, ctx.formulas.variance, 'Formula');
  const range = (spec, aria, step = 1) => el('input', { type: 'range', min: String(spec.min), max: String(spec.max), step: String(step), 'aria-label': aria });
  const dkRange = el('input', { type: 'range', min: '0', max: String(DK_STOPS.length - 1), step: '1', 'aria-label': 'd_k (powers of two from 1 to 1024)' });
  const dkText = el('span', { class: 'al-stat', 'aria-hidden': 'true' });
  const nRange = range(INPUTS.n, 'Keys per row n');
  const nText = el('span', { class: 'al-stat', 'aria-hidden': 'true' });
  const sRange = range(INPUTS.samples, 'Samples (rows drawn)', 50);
  const sText = el('span', { class: 'al-stat', 'aria-hidden': 'true' });
  const seedInput = el('input', { type: 'number', class: 'al-input scene-num', min: String(INPUTS.seed.min), max: String(INPUTS.seed.max), step: '1' });
  const scaleBox = el('input', { type: 'checkbox' });
  const controls = el('div', { class: 'scene-sizes' },
    el('label', {}, el('span', {}, 'd_k'), dkRange, dkText),
    el('label', {}, el('span', {}, 'keys per row n'), nRange, nText),
    el('label', {}, el('span', {}, 'samples'), sRange, sText));
  const controls2 = el('div', { class: 'al-controls' },
    el('label', {}, 'Random seed', seedInput),
    el('label', {}, scaleBox, 'divide by √d_k before softmax'));

  let summary = '';
  let loadingTrainer = false, loadFailed = false;
  dkRange.addEventListener('input', () => ctx.set({ dK: DK_STOPS[Number(dkRange.value)] }));
  dkRange.addEventListener('change', () => {
    ctx.announceSettled(() => summary, 150); // read after the render that follows
  });
  nRange.addEventListener('input', () => ctx.set({ n: Number(nRange.value) }));
  sRange.addEventListener('input', () => ctx.set({ samples: Number(sRange.value) }));
  seedInput.addEventListener('change', () => ctx.set({ seed: seedInput.value === '' ? '' : Number(seedInput.value) }));
  scaleBox.addEventListener('change', () => ctx.set({ scale: scaleBox.checked }));

  const guessSelect = el('select', { class: 'al-select' },
    el('option', { value: '' }, 'choose…'),
    el('option', { value: 'above' }, 'yes, above 0.9'),
    el('option', { value: 'below' }, 'no, 0.9 or below'));
  const revealBtn = el('button', { type: 'button', class: 'al-button al-primary', 'data-testid': 'reveal' }, 'Reveal');
  const againBtn = el('button', { type: 'button', class: 'al-button' }, 'Guess again');
  const question = el('p', {});
  const verdict = el('p', { class: 'scene-verdict', 'data-testid': 'prediction-verdict' });
  const detail = el('p', { 'data-testid': 'peakedness' });
  const predict = el('div', { class: 'scaling-predict', role: 'group', 'aria-label': 'Predict before you look' },
    question, el('div', { class: 'al-controls' }, el('label', {}, 'My guess', guessSelect), revealBtn, againBtn), verdict, detail);
  let announceReveal = false;
  guessSelect.addEventListener('change', () => ctx.set({ guess: guessSelect.value }));
  // The pressed button hides itself, so focus moves to the control that takes its place, shown
  // at once (the render, whenever it runs, draws the same state).
  revealBtn.addEventListener('click', () => { announceReveal = true; setHidden(againBtn, false); againBtn.focus(); ctx.set({ revealed: true }); });
  againBtn.addEventListener('click', () => { guessSelect.disabled = false; guessSelect.focus(); ctx.set({ revealed: false, guess: '' }); });

  const cell = (testid) => el('td', { 'data-testid': testid });
  const head = { raw: el('th', { scope: 'col' }), scaled: el('th', { scope: 'col' }) };
  const cells = {
    std: [cell('dot-std'), cell('scaled-std')],
    max: [cell('max-weight-unscaled'), cell('max-weight-scaled')],
    entropy: [cell('entropy-unscaled'), cell('entropy-scaled')],
    oneHot: [cell('onehot-unscaled'), cell('onehot-scaled')],
  };
  const rowHead = (text) => el('th', { scope: 'row' }, text);
  const entropyHead = rowHead('');
  const stats = el('table', { class: 'scene-stats' },
    el('caption', { class: 'al-view-title' }, 'Measured over the sampled rows'),
    el('thead', {}, el('tr', {}, el('td', {}), head.raw, head.scaled)),
    el('tbody', {},
      el('tr', {}, rowHead('spread (standard deviation) of the scores'), ...cells.std),
      el('tr', {}, rowHead('mean largest weight in a row'), ...cells.max),
      el('tr', {}, entropyHead, ...cells.entropy),
      el('tr', {}, rowHead('rows that are one-hot (largest weight > 0.99)'), ...cells.oneHot)));
  const rawValue = el('span', {});
  const sqrtValue = el('span', { 'data-testid': 'sqrt-dk' });
  const sqrtLine = el('p', { class: 'al-stat' }, 'Raw q·k spread ', rawValue, ' against √d_k = ', sqrtValue, '.');
  const inUse = el('p', { class: 'al-callout', 'data-testid': 'in-use' });
  const budgetNote = el('p', { class: 'al-note', hidden: true });

  const chartBox = el('div', { class: 'al-cell' });
  const chart = createSpreadChart(chartBox, { title: '' });
  const exampleBox = el('div', { class: 'al-cell' });
  const map = createHeatmap(exampleBox, { label: 'One query against n keys' });
  const exampleLines = el('ul', { class: 'al-trace', 'data-testid': 'example-row' });
  exampleBox.append(exampleLines);

  const gradientBox = el('div', { class: 'al-cell', 'data-testid': 'gradient-chart' });
  const gradientChart = createLogChart(gradientBox, { title: GRADIENT_TITLE, titleId: uid('gradient-chart') });
  const gradientBody = el('tbody', {});
  const gradientCaption = el('caption', { class: 'al-view-title' });
  const gradientTable = el('table', { class: 'al-matrix scene-table', 'data-testid': 'gradient-table' }, gradientCaption,
    el('thead', {}, el('tr', {}, ...['d_k', 'with ÷√d_k', 'without', 'rows getting back almost nothing, without'].map((t) => el('th', { scope: 'col' }, t)))),
    gradientBody);
  const gradientSentence = el('p', { class: 'al-callout', 'data-testid': 'gradient-sentence' });
  const gradientHidden = el('p', { class: 'al-note' });

  host.append(formula, controls, controls2,
    el('h3', {}, 'Predict first'), predict,
    el('h3', {}, 'What the experiment measured'), sqrtLine, budgetNote, stats, inUse,
    el('h3', {}, 'The spread across widths, and one row up close'),
    el('div', { class: 'al-grid' }, chartBox, exampleBox),
    el('h3', {}, 'What scaling does to learning'), gradientHidden, gradientSentence,
    el('div', { class: 'al-grid' }, gradientBox, el('div', { class: 'al-cell' }, gradientTable)));

  return {
    render(m, values) {
      dkRange.value = String(m.dkIndex);
      dkRange.setAttribute('aria-valuetext', `d_k = ${m.dK}`);
      setText(dkText, String(m.dK));
      nRange.value = String(values.n); setText(nText, String(values.n));
      sRange.value = String(values.samples); setText(sText, String(values.samples));
      if (!seedInput.matches(':focus')) seedInput.value = String(values.seed);
      scaleBox.checked = values.scale;
      guessSelect.value = values.guess;

      setHidden(budgetNote, !m.budgetNote);
      setText(budgetNote, m.budgetNote);
      setText(rawValue, m.rawSpread);
      setText(sqrtValue, m.sqrtText);
      setText(head.raw, m.headers.raw);
      setText(head.scaled, m.headers.scaled);
      head.raw.classList.toggle('scene-in-use', m.headers.rawInUse);
      head.scaled.classList.toggle('scene-in-use', !m.headers.rawInUse);
      setText(entropyHead, m.entropyHead);
      for (const k of Object.keys(cells)) cells[k].forEach((c, i) => { setText(c, m.cells[k][i]); });
      setText(inUse, m.inUse);

      setText(question, m.question);
      setHidden(revealBtn, m.revealed);
      setHidden(againBtn, !m.revealed);
      guessSelect.disabled = m.revealed;
      setText(verdict, m.verdict);
      setText(detail, m.verdictDetail);
      setHidden(detail, !m.verdictDetail);

      chart.update({ ...m.chart, ticks: CHART_DKS, dK: m.dK });
      map.update({
        ...m.example, rowAxisTitle: 'row', colAxisTitle: 'key', stage: 'weights for one query', scale: 'sequential', domain: [0, 1],
        showTable: ctx.ui.table, digits: 2,
      });
      setLines(exampleLines, m.example.lines);
      const gr = m.gradient;
      if (m.gradientLoading && !loadingTrainer) {
        loadingTrainer = true;
        loadTrainer(ctx.engine).catch((err) => { loadFailed = true; gradientHidden.textContent = `The trainer could not be loaded (${err.message}), so the gradient chart cannot be measured.`; })
          .finally(() => { loadingTrainer = false; if (ctx.engine.trainingTasks) ctx.set({}); });
      }
      setHidden(gradientHidden, !!gr);
      if (!loadFailed) setText(gradientHidden, m.gradientHidden);
      for (const node of [gradientSentence, gradientBox, gradientTable]) setHidden(node, !gr);
      if (gr) {
        setText(gradientSentence, gr.sentence);
        gradientChart.update({ series: gr.series, xTitle: 'd_k', yTitle: gr.yTitle, yFormat: gr.tickFormat, legendAt: 'bottom' });
        setText(gradientCaption, `The chart's numbers (“almost nothing”: a gradient below ${gr.vanishedBelow})`);
        setRows(gradientBody, gr.rows.map((r) => [r.dK, r.scaled, r.unscaled, r.vanished]));
      }
      if (announceReveal && m.revealed) { announceReveal = false; ctx.announce(m.verdict); }
      summary = m.dkSummary;
    },
    destroy() {
      map.destroy();
    },
  };
}
