// Step 4's view: the editable score list, the gap slider, the predict-first box and the three
// stage bar charts (scores → exponentials → shares), hidden until the learner reveals. Draws what
// model.js computed; edits go back through ctx.set.
import { createBarChart } from '../../views/index.js';
import { domFor, uid, activeElementOf, setText, setHidden } from '../../lib/dom.js';
import { validateCellInput } from '../../views/matrix-input.js';
import { formatNumber } from '../../lib/format.js';
import { formulaBox } from '../../views/formula-box.js';
import { SHARE_RANGES } from '../similarity-words.js';
import { INPUTS, LABELS, LIMIT } from './inputs.js';

const MIN_SCORES = INPUTS.scores.minLength, MAX_SCORES = INPUTS.scores.maxLength;

export function mount(host, ctx) {
  const { el } = domFor(host);
  const id = uid('softmax');
  const win = host.ownerDocument.defaultView;

  const formula = formulaBox(host, ctx.formulas.softmax, 'Formula');
  const scoreList = el('ul', { class: 'scene-scores', 'aria-label': 'Raw scores' });
  const add = el('button', { type: 'button', class: 'al-button' }, 'Add a score');
  const gapInput = el('input', { type: 'range', min: '-1', max: '1', step: '0.05', id: `${id}-gap` });
  const gapOut = el('output', { for: `${id}-gap`, class: 'al-stat', 'aria-live': 'off' });
  const gapEffect = el('p', { class: 'al-stat', 'data-testid': 'gap-effect' });
  const message = el('p', { class: 'al-message', hidden: true });
  const pickSelect = el('select', { class: 'al-select', id: `${id}-pick` });
  const rangeSelect = el('select', { class: 'al-select', id: `${id}-range` },
    el('option', { value: '' }, 'choose…'), ...SHARE_RANGES.map((r) => el('option', { value: r.id }, r.label)));
  const reveal = el('button', { type: 'button', class: 'al-button al-primary' }, 'Reveal the shares');
  const again = el('button', { type: 'button', class: 'al-button' }, 'Hide them and predict again');
  const predictHint = el('p', { class: 'al-note' });
  const result = el('p', { class: 'al-callout', 'data-testid': 'prediction-result', hidden: true });
  const predictBox = el('section', { class: 'softmax-predict', 'aria-labelledby': `${id}-predict-title` },
    el('h3', { id: `${id}-predict-title` }, 'Predict first'),
    el('div', { class: 'al-controls' },
      el('label', { for: `${id}-pick` }, 'Which gets the largest share?'), pickSelect,
      el('label', { for: `${id}-range` }, 'Roughly how much?'), rangeSelect, reveal, again),
    predictHint, result);
  const stageGrid = el('div', { class: 'al-grid al-grid-3' });
  const box = () => stageGrid.appendChild(el('div', { class: 'al-cell' }));
  const rawHost = box(), expHost = box(), shareHost = box();
  const hiddenNote = (title) => el('p', { class: 'al-note scene-hidden-note' }, el('strong', {}, title), el('br'), 'Hidden until you reveal: predict first.');
  const expHidden = hiddenNote('2. Exponentials'), shareHidden = hiddenNote('3. Shares');
  const expTotal = el('p', { class: 'al-stat', 'data-testid': 'exp-total' });
  const plainExp = el('p', { class: 'al-note', 'data-testid': 'plain-exp' });
  const sum = el('p', { class: 'al-stat', 'data-testid': 'softmax-sum' });
  const sharesText = el('p', { class: 'al-stat', 'data-testid': 'softmax-shares' });
  const why = el('p', { class: 'al-note' },
    'Stage 2 uses e^(score − largest score). Taking away the same number from every score divides every exponential by the same amount, so the shares do not change; it only keeps the numbers from overflowing when scores are large.');
  host.append(formula,
    el('h3', {}, 'Raw scores'), scoreList, el('div', { class: 'al-controls' }, add),
    el('div', { class: 'al-controls' }, el('label', { for: `${id}-gap` }, 'Gap: multiply every score by'), gapInput, gapOut),
    message, predictBox, stageGrid, gapEffect, why);
  const rawBars = createBarChart(rawHost, { label: '1. Scores (after the gap multiplier)' });
  expHost.append(expHidden);
  const expBars = createBarChart(expHost, { label: '2. Exponentials e^(s − max)' });
  expHost.append(expTotal, plainExp);
  shareHost.append(shareHidden);
  const shareBars = createBarChart(shareHost, { label: '3. Shares (softmax)' });
  shareHost.append(sharesText, sum);

  let scores = INPUTS.scores.default.slice();
  let rows = [];

  function buildRows(n) {
    rows = Array.from({ length: n }, (_, i) => {
      const input = el('input', { type: 'number', class: 'al-input', id: `${id}-s${i}`, step: '0.5', min: String(-LIMIT), max: String(LIMIT), inputmode: 'decimal' });
      const error = el('span', { class: 'al-error', id: `${id}-s${i}-err`, hidden: true });
      const remove = el('button', { type: 'button', class: 'al-button scene-remove', 'aria-label': `Remove the score for ${LABELS[i]}` }, 'Remove');
      const check = (show) => {
        const r = validateCellInput(input.value, { min: -LIMIT, max: LIMIT, badInput: input.validity?.badInput });
        if (!r.ok) {
          if (show) {
            setText(error, r.message);
            setHidden(error, false);
            input.setAttribute('aria-invalid', 'true');
            input.setAttribute('aria-describedby', error.id);
          }
          return;
        }
        setHidden(error, true);
        input.removeAttribute('aria-invalid');
        input.removeAttribute('aria-describedby');
        if (scores[i] !== r.value) {
          const next = scores.slice();
          next[i] = r.value;
          scores = next;
          ctx.set({ scores: next });
        }
      };
      input.addEventListener('input', () => check(false));
      input.addEventListener('change', () => check(true));
      remove.addEventListener('click', () => {
        if (scores.length <= MIN_SCORES) return;
        ctx.set({ scores: scores.filter((_, k) => k !== i), pick: -1 });
        ctx.announce(`Removed one score; ${scores.length - 1} are left.`);
        win.setTimeout(() => add.focus(), 60); // the row (and its button) is rebuilt
      });
      const li = el('li', { class: 'scene-score' }, el('label', { for: input.id }, `Score for ${LABELS[i]}`), input, remove, error);
      return { li, input, error, remove };
    });
    scoreList.replaceChildren(...rows.map((r) => r.li));
  }

  add.addEventListener('click', () => {
    if (scores.length >= MAX_SCORES) return;
    ctx.set({ scores: [...scores, 0] });
    ctx.announce(`Added a score for ${LABELS[scores.length]}, starting at 0.`);
    win.setTimeout(() => rows[rows.length - 1]?.input.focus(), 50);
  });
  gapInput.addEventListener('input', () => ctx.set({ gap: Math.round(10 ** Number(gapInput.value) * 100) / 100 }));
  gapInput.addEventListener('change', () => {
    ctx.announceSettled(() => gapEffect.textContent, 200);
  });
  pickSelect.addEventListener('change', () => ctx.set({ pick: Number(pickSelect.value) }));
  rangeSelect.addEventListener('change', () => ctx.set({ range: rangeSelect.value }));
  reveal.addEventListener('click', () => {
    ctx.set({ revealed: true });
    win.setTimeout(() => { again.focus(); ctx.announce(result.textContent); }, 60);
  });
  again.addEventListener('click', () => {
    ctx.set({ revealed: false, pick: -1, range: '' });
    ctx.announce('The shares are hidden again. Make a new prediction.');
    win.setTimeout(() => pickSelect.focus(), 60);
  });

  return {
    render(m, values) {
      scores = values.scores;
      setText(message, m.notes.join(' '));
      setHidden(message, !m.notes.length);
      if (rows.length !== m.n) buildRows(m.n);
      rows.forEach((r, i) => {
        if (activeElementOf(host) !== r.input && r.input.getAttribute('aria-invalid') !== 'true') r.input.value = String(scores[i]);
        r.remove.disabled = m.n <= MIN_SCORES;
      });
      add.disabled = m.n >= MAX_SCORES;
      gapInput.value = String(Math.log10(values.gap));
      setText(gapOut, `× ${formatNumber(values.gap)}`);
      gapInput.setAttribute('aria-valuetext', `every score times ${formatNumber(values.gap)}`);
      rawBars.update({ bars: m.labels.map((l, i) => ({ label: l, value: m.scaled[i] })), format: (v) => formatNumber(v) });
      expBars.update({ bars: m.labels.map((l, i) => ({ label: l, value: m.exps[i] })), domain: [0, 1], format: (v) => formatNumber(v, 3) });
      setText(expTotal, m.expTotalLine);
      setText(plainExp, m.plainLine);
      shareBars.update({ bars: m.labels.map((l, i) => ({ label: l, value: m.shares[i] })), domain: [0, 1], format: (v) => formatNumber(v, 3) });
      setText(sharesText, m.sharesLine);
      setText(sum, m.sumLine);
      setText(gapEffect, m.gapLine);
      const pickKey = m.labels.join('|');
      if (pickSelect.dataset.key !== pickKey) {
        pickSelect.replaceChildren(el('option', { value: '-1' }, 'choose…'), ...m.labels.map((l, i) => el('option', { value: String(i) }, l)));
        pickSelect.dataset.key = pickKey;
      }
      pickSelect.value = String(m.pick);
      rangeSelect.value = values.range;
      reveal.disabled = m.revealed || !m.ready;
      setHidden(again, !m.revealed);
      setHidden(reveal, m.revealed);
      pickSelect.disabled = m.revealed;
      rangeSelect.disabled = m.revealed;
      setText(predictHint, m.hint);
      for (const [node, chart] of [[expHidden, expBars], [shareHidden, shareBars]]) {
        setHidden(node, m.revealed);
        setHidden(chart.element, !m.revealed);
      }
      setHidden(expTotal, !m.revealed);
      setHidden(plainExp, !m.revealed);
      setHidden(sharesText, !m.revealed);
      setHidden(result, !m.revealed);
      setHidden(gapEffect, !m.revealed);
      setText(result, m.resultLine);
    },
    destroy() {
      rawBars.destroy();
      expBars.destroy();
      shareBars.destroy();
    },
  };
}
