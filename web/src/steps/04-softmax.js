// Step 4: softmax turns scores into shares. The learner edits 2–8 raw scores and a gap multiplier;
// the scene shows raw scores → exponentials → shares side by side (shares from engine.softmax,
// the multiplied scores from engine.matmul). Before the exponentials and shares appear, the
// learner predicts the winner and its rough share; Reveal compares the prediction with the answer.
import { createBarChart } from '../views/index.js';
import { domFor, uid, activeElementOf } from '../lib/dom.js';
import { validateCellInput } from '../views/matrix-input.js';
import { formatNumber } from '../lib/format.js';
import { formulaBox } from '../views/formula-box.js';
import { readBool, readChoice, readInt, readNumber, readNumberList } from './scene-inputs.js';
import { SHARE_RANGES, judgePrediction } from './similarity-words.js';

const LABELS = ['love', 'Apple', 'phones', 'juice', 'watch', 'cat', 'sat', 'down'];
const MIN_SCORES = 2;
const MAX_SCORES = 8;
const LIMIT = 100; // a typed score must lie in [−100, 100]
const DEFAULTS = { scores: [1, 3, 6], gap: 1, pick: -1, range: '', revealed: false };
const pct = (share) => `${formatNumber(share * 100, 1)}%`;

export default {
  id: 'softmax',
  title: 'Softmax: scores into shares',
  defaults() { return { ...DEFAULTS, scores: DEFAULTS.scores.slice() }; },
  mount(host, ctx) {
    const { el } = domFor(host);
    const id = uid('a4');
    const win = host.ownerDocument.defaultView;

    const formula = formulaBox(host, ctx.formulas.softmax, 'Formula');
    const scoreList = el('ul', { class: 'scene-scores', 'aria-label': 'Raw scores' });
    const add = el('button', { type: 'button', class: 'al-button' }, 'Add a score');
    const gapInput = el('input', { type: 'range', min: '-1', max: '1', step: '0.05', id: `${id}-gap` });
    const gapOut = el('output', { for: `${id}-gap`, class: 'al-stat' });
    const gapEffect = el('p', { class: 'al-stat', 'data-testid': 'gap-effect' });
    const message = el('p', { class: 'al-message', hidden: true });

    // the prediction
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

    let scores = DEFAULTS.scores.slice();
    let rows = [];
    let announceTimer = null;

    function buildRows(n) {
      rows = Array.from({ length: n }, (_, i) => {
        const input = el('input', { type: 'number', class: 'al-input', id: `${id}-s${i}`, step: '0.5', min: String(-LIMIT), max: String(LIMIT), inputmode: 'decimal' });
        const error = el('span', { class: 'al-error', id: `${id}-s${i}-err`, hidden: true });
        const remove = el('button', { type: 'button', class: 'al-button scene-remove', 'aria-label': `Remove the score for ${LABELS[i]}` }, 'Remove');
        const check = (show) => {
          const r = validateCellInput(input.value, { min: -LIMIT, max: LIMIT, badInput: input.validity?.badInput });
          if (!r.ok) {
            if (show) {
              error.textContent = r.message;
              error.hidden = false;
              input.setAttribute('aria-invalid', 'true');
              input.setAttribute('aria-describedby', error.id);
            }
            return;
          }
          error.hidden = true;
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
      win.clearTimeout(announceTimer);
      announceTimer = win.setTimeout(() => ctx.announce(gapEffect.textContent), 200);
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
      render(s) {
        const sc = readNumberList(s.scores, { minLength: MIN_SCORES, maxLength: MAX_SCORES, min: -LIMIT, max: LIMIT, fallback: DEFAULTS.scores, name: 'scores' });
        const gap = readNumber(s.gap, { min: 0.1, max: 10, fallback: DEFAULTS.gap, name: 'gap' });
        const range = readChoice(s.range, ['', ...SHARE_RANGES.map((r) => r.id)], '', 'predicted share');
        const shown = readBool(s.revealed, false, 'revealed answer');
        const revealed = shown.value;
        scores = sc.value;
        const n = scores.length;
        // −1 means "no prediction yet".
        const pick = s.pick === -1 ? { value: -1, message: null } : readInt(s.pick, { min: 0, max: n - 1, fallback: -1, name: 'predicted winner' });
        const messages = [sc.message, gap.message, range.message, shown.message, pick.message].filter(Boolean);
        message.textContent = messages.join(' ');
        message.hidden = !messages.length;
        const labels = LABELS.slice(0, n);

        // score inputs
        if (rows.length !== n) buildRows(n);
        rows.forEach((r, i) => {
          if (activeElementOf(host) !== r.input && r.input.getAttribute('aria-invalid') !== 'true') r.input.value = String(scores[i]);
          r.remove.disabled = n <= MIN_SCORES;
        });
        add.disabled = n >= MAX_SCORES;
        const g = gap.value;
        gapInput.value = String(Math.log10(g));
        gapOut.textContent = `× ${formatNumber(g)}`;
        gapInput.setAttribute('aria-valuetext', `every score times ${formatNumber(g)}`);

        // The engine: scores × gap (a 1-column matrix times 1×1), then softmax along the row.
        const scaled = ctx.engine.matmul(scores, [g], n, 1, 1);
        const shares = ctx.engine.softmax(scaled, 1, n);
        let max = -Infinity;
        for (const v of scaled) max = Math.max(max, v);
        const exps = Array.from(scaled, (v) => Math.exp(v - max));
        let expSum = 0;
        for (const e of exps) expSum += e;
        let shareSum = 0;
        for (const v of shares) shareSum += v;

        rawBars.update({ bars: labels.map((l, i) => ({ label: l, value: scaled[i] })), format: (v) => formatNumber(v) });
        expBars.update({ bars: labels.map((l, i) => ({ label: l, value: exps[i] })), domain: [0, 1], format: (v) => formatNumber(v, 3) });
        expTotal.textContent = `Total of the exponentials: ${formatNumber(expSum, 3)}`;
        const plain = Array.from(scaled, (v) => Math.exp(v));
        const overflow = plain.some((v) => !Number.isFinite(v));
        let plainSum = 0;
        for (const v of plain) plainSum += v;
        plainExp.textContent = overflow
          ? 'Without subtracting the largest score, e^s is too large for the computer here (it overflows to ∞), which is exactly why the subtraction is used.'
          : `Without subtracting: e^s = ${plain.map((v) => formatNumber(v)).join(', ')}, total ${formatNumber(plainSum)}. Same shares.`;
        shareBars.update({ bars: labels.map((l, i) => ({ label: l, value: shares[i] })), domain: [0, 1], format: (v) => formatNumber(v, 3) });
        sharesText.textContent = `Shares: ${Array.from(shares, (v) => formatNumber(v, 3)).join(', ')}`;
        sum.textContent = `The shares add up to ${formatNumber(shareSum, 2)}`;

        // How lopsided the split is (the gap slider's lesson).
        let top = 0;
        for (const v of shares) top = Math.max(top, v);
        gapEffect.textContent = top >= 0.9
          ? `Large gaps: one clear winner takes ${pct(top)} of the attention.`
          : top <= 1 / n + 0.1
            ? `Small gaps: the attention is split almost evenly (the largest share is ${pct(top)}; an even split would give ${pct(1 / n)} each).`
            : `Medium gaps: a favourite with ${pct(top)}, the rest shared out.`;

        // prediction
        const pickKey = labels.join('|');
        if (pickSelect.dataset.key !== pickKey) {
          pickSelect.replaceChildren(el('option', { value: '-1' }, 'choose…'), ...labels.map((l, i) => el('option', { value: String(i) }, l)));
          pickSelect.dataset.key = pickKey;
        }
        pickSelect.value = String(pick.value);
        rangeSelect.value = range.value;
        const ready = pick.value >= 0 && range.value !== '';
        reveal.disabled = revealed || !ready;
        again.hidden = !revealed;
        reveal.hidden = revealed;
        pickSelect.disabled = revealed;
        rangeSelect.disabled = revealed;
        predictHint.textContent = revealed
          ? 'Revealed. Change the scores or the gap and the shares follow live.'
          : ready ? 'Ready: press Reveal to see the exponentials and the shares.'
            : 'Choose both answers, then press Reveal. The exponentials and shares stay hidden until then.';
        for (const [node, chart] of [[expHidden, expBars], [shareHidden, shareBars]]) {
          node.hidden = revealed;
          chart.element.hidden = !revealed;
        }
        expTotal.hidden = !revealed;
        plainExp.hidden = !revealed;
        sharesText.hidden = !revealed;
        result.hidden = !revealed;
        gapEffect.hidden = !revealed;
        if (revealed) {
          if (pick.value < 0 || range.value === '') {
            result.textContent = `No prediction was recorded. The largest share is ${pct(top)}.`;
          } else {
            const j = judgePrediction({ pick: pick.value, range: range.value }, Array.from(shares));
            const winners = j.winners.map((w) => labels[w]).join(' and ');
            const guessed = SHARE_RANGES.find((r) => r.id === range.value);
            result.textContent = `${j.pickRight ? 'Right' : 'Not quite'}: you picked ${labels[pick.value]}, and the largest share goes to ${winners}. `
              + `You guessed ${guessed.label}; the actual largest share is ${pct(j.top)} (${j.rangeRight ? 'inside your range' : `in the range ${j.actualRange.label}`}).`;
          }
        }
      },
      destroy() {
        win.clearTimeout(announceTimer);
        rawBars.destroy();
        expBars.destroy();
        shareBars.destroy();
      },
    };
  },
};
