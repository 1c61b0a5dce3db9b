// Step 9: why divide by √d_k, measured live. engine.scalingExperiment draws random unit-variance
// queries and keys of width d_k and reports the spread of q·k with and without the ÷√d_k, and how
// peaked the softmax rows get. A chart repeats the experiment for d_k = 1 … 1024 against the √d_k
// curve, and one concrete row (one query, n keys) shows softmax with and without scaling. Before
// the unscaled softmax numbers appear at a new d_k, the learner predicts them.
import { createHeatmap } from '../views/index.js';
import { domFor } from '../lib/dom.js';
import { normals } from '../model/toy-model.js';
import { formatNumber } from '../lib/format.js';
import { formulaBox } from '../views/formula-box.js';
import { readBool, readChoice, readInt } from './scene-inputs.js';
import { DK_STOPS, affordableSamples, nearestStop } from './scaling-stops.js';
import { topK } from '../lib/matrix.js';

const CHART_DKS = [1, 4, 16, 64, 256, 1024];
const CHART_SAMPLES = 100;
const CHART_KEYS = 16; // the spread of q·k does not depend on how many keys a row has
const WORK_BUDGET = 1 << 22; // dK · samples · n per live run: keeps a slider move near 0.2 s
const GUESSES = ['above', 'below'];

export default {
  id: 'scaling',
  title: 'Why divide by √dₖ',
  defaults() {
    return { dK: 64, n: 16, samples: 400, seed: 1, scale: true, guess: '', revealed: [] };
  },
  mount(host, ctx) {
    const { el, svg: svgEl } = domFor(host);
    const win = host.ownerDocument.defaultView;
    const formula = formulaBox(host, ctx.formulas.variance, 'Formula');

    // ---- controls ------------------------------------------------------------------------
    const dkRange = el('input', { type: 'range', min: '0', max: '10', step: '1', 'aria-label': 'd_k (powers of two from 1 to 1024)' });
    const dkText = el('span', { class: 'al-stat', 'aria-hidden': 'true' });
    const nRange = el('input', { type: 'range', min: '4', max: '64', step: '1', 'aria-label': 'Keys per row n' });
    const nText = el('span', { class: 'al-stat', 'aria-hidden': 'true' });
    const sRange = el('input', { type: 'range', min: '50', max: '2000', step: '50', 'aria-label': 'Samples (rows drawn)' });
    const sText = el('span', { class: 'al-stat', 'aria-hidden': 'true' });
    const seedInput = el('input', { type: 'number', class: 'al-input scene-num', min: '0', max: '9999', step: '1' });
    const scaleBox = el('input', { type: 'checkbox' });
    const message = el('p', { class: 'al-message', role: 'status', hidden: true });
    const controls = el('div', { class: 'scene-sizes' },
      el('label', {}, el('span', {}, 'd_k'), dkRange, dkText),
      el('label', {}, el('span', {}, 'keys per row n'), nRange, nText),
      el('label', {}, el('span', {}, 'samples'), sRange, sText));
    const controls2 = el('div', { class: 'al-controls' },
      el('label', {}, 'Random seed', seedInput),
      el('label', {}, scaleBox, 'divide by √d_k before softmax'));

    dkRange.addEventListener('input', () => ctx.set({ dK: DK_STOPS[Number(dkRange.value)], guess: '' }));
    dkRange.addEventListener('change', () => {
      win.clearTimeout(announceTimer);
      announceTimer = win.setTimeout(() => ctx.announce(dkSummary), 150); // after the render that follows
    });
    nRange.addEventListener('input', () => ctx.set({ n: Number(nRange.value) }));
    sRange.addEventListener('input', () => ctx.set({ samples: Number(sRange.value) }));
    seedInput.addEventListener('change', () => {
      const v = Number(seedInput.value);
      if (seedInput.value === '' || !Number.isInteger(v) || v < 0 || v > 9999) { say('The seed must be a whole number from 0 to 9999.'); return; }
      ctx.set({ seed: v });
    });
    scaleBox.addEventListener('change', () => ctx.set({ scale: scaleBox.checked }));

    // ---- prediction ----------------------------------------------------------------------
    const guessSelect = el('select', { class: 'al-select' },
      el('option', { value: '' }, 'choose…'),
      el('option', { value: 'above' }, 'yes, above 0.9'),
      el('option', { value: 'below' }, 'no, 0.9 or below'));
    const revealBtn = el('button', { type: 'button', class: 'al-button al-primary', 'data-testid': 'reveal' }, 'Reveal');
    const question = el('p', {});
    const verdict = el('p', { class: 'scene-verdict', 'data-testid': 'prediction-verdict' });
    const predict = el('div', { class: 'scaling-predict', role: 'group', 'aria-label': 'Predict before you look' },
      question, el('div', { class: 'al-controls' }, el('label', {}, 'My guess', guessSelect), revealBtn), verdict);
    guessSelect.addEventListener('change', () => ctx.set({ guess: guessSelect.value }));
    revealBtn.addEventListener('click', () => {
      const s = current;
      ctx.set({ revealed: [...s.revealed.filter((d) => d !== s.dK), s.dK] });
      announceReveal = true;
    });

    // ---- statistics ----------------------------------------------------------------------
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
    const sqrtLine = el('p', { class: 'al-stat' });
    const sqrtValue = el('span', { 'data-testid': 'sqrt-dk' });
    const rawValue = el('span', {});
    const inUse = el('p', { class: 'al-callout', 'data-testid': 'in-use' });
    const budgetNote = el('p', { class: 'al-note', hidden: true });

    // ---- chart ---------------------------------------------------------------------------
    const W = 340, H = 210, M = { l: 40, r: 26, t: 12, b: 36 };
    const chart = svgEl('svg', { class: 'spread-chart', viewBox: `0 0 ${W} ${H}`, 'aria-hidden': 'true' });
    const chartTable = el('table', { class: 'scene-stats' });
    const chartBox = el('div', { class: 'al-cell' },
      el('p', { class: 'al-view-title' }, `Spread of q·k for d_k = 1 … 1024 (dots: measured over ${CHART_SAMPLES} × ${CHART_KEYS} products each, dashed: √d_k)`), chart, chartTable);

    // ---- one concrete row ----------------------------------------------------------------
    const exampleBox = el('div', { class: 'al-cell' });
    const exampleLines = el('ul', { class: 'al-trace', 'data-testid': 'example-row' });
    const map = createHeatmap(exampleBox, { label: 'One query against n keys' });
    exampleBox.append(exampleLines);

    host.append(formula, controls, controls2, message,
      el('h3', {}, 'Predict first'), predict,
      el('h3', {}, 'What the experiment measured'), sqrtLine, budgetNote, stats, inUse,
      el('h3', {}, 'The spread across widths, and one row up close'),
      el('div', { class: 'al-grid' }, chartBox, exampleBox));
    sqrtLine.append('Raw q·k spread ', rawValue, ' against √d_k = ', sqrtValue, '.');

    // ---- state helpers -------------------------------------------------------------------
    const cache = new Map();
    function experiment(o) {
      const key = `${o.dK}|${o.n}|${o.samples}|${o.seed}`;
      if (!cache.has(key)) {
        if (cache.size > 60) cache.delete(cache.keys().next().value);
        cache.set(key, ctx.engine.scalingExperiment(o));
      }
      return cache.get(key);
    }
    let current = this.defaults();
    let announceTimer = 0;
    let dkSummary = '';
    let announceReveal = false;
    let spoken = '';
    function say(text) { message.textContent = text; message.hidden = !text; spoken = text; }

    function drawChart(points, dK) {
      const yMax = Math.max(34, ...points.map((p) => p.std)) * 1.05;
      const x = (d) => M.l + (Math.log2(d) / 10) * (W - M.l - M.r);
      const y = (v) => H - M.b - (v / yMax) * (H - M.t - M.b);
      const nodes = [
        svgEl('line', { class: 'scene-axis', x1: M.l, y1: H - M.b, x2: W - M.r, y2: H - M.b }),
        svgEl('line', { class: 'scene-axis', x1: M.l, y1: M.t, x2: M.l, y2: H - M.b }),
      ];
      for (const v of [0, 8, 16, 24, 32]) {
        nodes.push(svgEl('text', { x: M.l - 6, y: y(v) + 4, 'text-anchor': 'end' }, String(v)));
      }
      for (const d of CHART_DKS) nodes.push(svgEl('text', { x: x(d), y: H - M.b + 16, 'text-anchor': 'middle' }, String(d)));
      nodes.push(svgEl('text', { x: (W + M.l) / 2, y: H - 4, 'text-anchor': 'middle' }, 'd_k (log scale)'));
      const curve = Array.from({ length: 41 }, (_, i) => { const d = 2 ** (i / 4); return `${x(d).toFixed(1)},${y(Math.sqrt(d)).toFixed(1)}`; });
      nodes.push(svgEl('polyline', { class: 'scene-curve', points: curve.join(' ') }));
      nodes.push(svgEl('line', { class: 'scene-axis', x1: x(dK), y1: M.t, x2: x(dK), y2: H - M.b, 'stroke-dasharray': '2 3' }));
      for (const p of points) nodes.push(svgEl('circle', { class: 'scene-dot', cx: x(p.dK), cy: y(p.std), r: 5 }));
      chart.replaceChildren(...nodes);
      chartTable.replaceChildren(
        el('caption', { class: 'al-sr-only' }, 'Measured spread of q·k against √d_k'),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'd_k'), el('th', { scope: 'col' }, 'measured spread'), el('th', { scope: 'col' }, '√d_k'))),
        el('tbody', {}, ...points.map((p) => el('tr', {}, el('th', { scope: 'row' }, String(p.dK)), el('td', {}, formatNumber(p.std)), el('td', {}, formatNumber(Math.sqrt(p.dK)))))));
    }

    return {
      render(s) {
        // ---- validate --------------------------------------------------------------------
        const problems = [];
        const take = (r) => { if (r.message) problems.push(r.message); return r.value; };
        let dK = nearestStop(s.dK);
        if (dK === null) { dK = 64; problems.push('d_k was not a usable number, so it is back to 64.'); }
        else if (dK !== s.dK || s.dK > 1024) problems.push(`d_k moves in powers of two from 1 to 1024, so ${String(s.dK)} became ${dK}.`);
        const n = take(readInt(s.n, { min: 4, max: 64, fallback: 16, name: 'keys per row' }));
        const samples = take(readInt(s.samples, { min: 50, max: 2000, fallback: 400, name: 'samples' }));
        const seed = take(readInt(s.seed, { min: 0, max: 9999, fallback: 1, name: 'seed' }));
        const scale = take(readBool(s.scale, true, 'scaling switch'));
        const guess = take(readChoice(s.guess, ['', ...GUESSES], '', 'guess'));
        const revealed = Array.isArray(s.revealed) ? s.revealed.filter((d) => DK_STOPS.includes(d)) : [];
        current = { dK, n, samples, seed, scale, guess, revealed };
        const isRevealed = revealed.includes(dK);

        // ---- controls --------------------------------------------------------------------
        dkRange.value = String(Math.log2(dK));
        dkRange.setAttribute('aria-valuetext', `d_k = ${dK}`);
        dkText.textContent = String(dK);
        nRange.value = String(n); nText.textContent = String(n);
        sRange.value = String(samples); sText.textContent = String(samples);
        if (!seedInput.matches(':focus')) seedInput.value = String(seed);
        scaleBox.checked = scale;
        guessSelect.value = guess;

        // ---- the experiment --------------------------------------------------------------
        const used = affordableSamples(dK, n, samples, WORK_BUDGET);
        const e = experiment({ dK, n, samples: used, seed });
        budgetNote.hidden = used === samples;
        budgetNote.textContent = `d_k × n × samples would be too much work to redo on every slider move, so this run used ${used} samples instead of ${samples}.`;
        rawValue.textContent = formatNumber(e.dot.std);
        sqrtValue.textContent = formatNumber(Math.sqrt(dK));
        head.raw.textContent = `raw q·k${scale ? '' : ' (in use)'}`;
        head.scaled.textContent = `q·k ÷ √${dK}${scale ? ' (in use)' : ''}`;
        head.raw.classList.toggle('scene-in-use', !scale);
        head.scaled.classList.toggle('scene-in-use', scale);
        entropyHead.textContent = `mean entropy of a row (uniform maximum ln ${n} = ${formatNumber(e.maxEntropy)})`;
        const hidden = 'hidden: predict first';
        cells.std[0].textContent = formatNumber(e.dot.std);
        cells.std[1].textContent = formatNumber(e.scaledDot.std);
        cells.max[0].textContent = isRevealed ? formatNumber(e.unscaled.maxWeight) : hidden;
        cells.max[1].textContent = formatNumber(e.scaled.maxWeight);
        cells.entropy[0].textContent = isRevealed ? formatNumber(e.unscaled.entropy) : hidden;
        cells.entropy[1].textContent = formatNumber(e.scaled.entropy);
        cells.oneHot[0].textContent = isRevealed ? `${formatNumber(e.unscaled.oneHotShare * 100, 0)}%` : hidden;
        cells.oneHot[1].textContent = `${formatNumber(e.scaled.oneHotShare * 100, 0)}%`;
        const side = scale ? e.scaled : e.unscaled;
        inUse.textContent = !scale && !isRevealed
          ? `Scaling is off, so softmax would see scores spread about ${formatNumber(e.dot.std)}. Make your prediction above to see what that does to the weights.`
          : `Softmax ${scale ? `sees the scores divided by √${dK} = ${formatNumber(Math.sqrt(dK))}, spread about ${formatNumber(e.scaledDot.std)}` : `sees the raw scores, spread about ${formatNumber(e.dot.std)}`}: the largest weight in a row averages ${formatNumber(side.maxWeight)}, and the entropy ${formatNumber(side.entropy)} is ${formatNumber((side.entropy / e.maxEntropy) * 100, 0)}% of the uniform ${formatNumber(e.maxEntropy)}.`;

        // ---- prediction ------------------------------------------------------------------
        question.textContent = `At d_k = ${dK} with ${n} keys and no scaling, will the largest weight in a row average above 0.9?`;
        revealBtn.hidden = isRevealed;
        if (!isRevealed) verdict.textContent = guess ? 'Press Reveal to check your guess.' : 'Choose a guess, then press Reveal.';
        else {
          const above = e.unscaled.maxWeight > 0.9;
          const got = `Without scaling the largest weight averages ${formatNumber(e.unscaled.maxWeight)}, ${above ? 'above' : 'not above'} 0.9`;
          verdict.textContent = guess ? `${got}: your guess was ${(guess === 'above') === above ? 'right' : 'not right'}. With scaling it averages ${formatNumber(e.scaled.maxWeight)}.` : `${got}. With scaling it averages ${formatNumber(e.scaled.maxWeight)}.`;
        }

        // ---- chart: the same experiment at six widths -------------------------------------
        drawChart(CHART_DKS.map((d) => ({ dK: d, std: experiment({ dK: d, n: CHART_KEYS, samples: CHART_SAMPLES, seed }).dot.std })), dK);

        // ---- one concrete row: one query and n keys --------------------------------------
        const q = normals(dK, seed * 2 + 101);
        const keys = normals(n * dK, seed * 2 + 102);
        const scores = ctx.engine.dotProducts(q, keys, 1, n, dK);
        const scaled = scores.map((v) => v / Math.sqrt(dK)); // the ÷√d_k itself, the point of this step
        const wRaw = ctx.engine.softmax(scores, 1, n);
        const wScaled = ctx.engine.softmax(scaled, 1, n);
        const keyLabels = Array.from({ length: n }, (_, j) => `k${j + 1}`);
        const rows = isRevealed ? [wRaw, wScaled] : [wScaled];
        const values = new Float32Array(rows.length * n);
        rows.forEach((r, i) => values.set(r, i * n));
        map.update({
          values, rows: rows.length, cols: n, colLabels: keyLabels,
          rowLabels: isRevealed ? ['no ÷√d_k', `÷√${dK}`] : [`÷√${dK}`],
          rowAxisTitle: 'row', colAxisTitle: 'key', stage: 'weights for one query', scale: 'sequential', domain: [0, 1],
          showTable: ctx.ui.table, digits: 2,
        });
        const range = (a) => `${formatNumber(Math.min(...a))} to ${formatNumber(Math.max(...a))}`;
        const best = (w) => topK(w, 1)[0];
        exampleLines.replaceChildren(
          el('li', {}, `Raw scores q·k of this row run from ${range(scores)}; divided by √${dK} they run from ${range(scaled)}.`),
          el('li', {}, isRevealed
            ? `Largest weight: ${formatNumber(best(wRaw).value)} on ${keyLabels[best(wRaw).index]} without scaling, ${formatNumber(best(wScaled).value)} with it.`
            : `Largest weight with scaling: ${formatNumber(best(wScaled).value)} on ${keyLabels[best(wScaled).index]}. The unscaled row appears after you reveal.`));

        const text = problems.length ? problems.join(' ') : spoken;
        message.textContent = text;
        message.hidden = !text;
        spoken = '';
        if (announceReveal && isRevealed) { announceReveal = false; ctx.announce(verdict.textContent); }
        dkSummary = `d_k ${dK}: raw spread ${formatNumber(e.dot.std)}, √d_k ${formatNumber(Math.sqrt(dK))}, scaled spread ${formatNumber(e.scaledDot.std)}.`;
      },
      destroy() {
        win.clearTimeout(announceTimer);
        map.destroy();
        cache.clear();
      },
    };
  },
};
