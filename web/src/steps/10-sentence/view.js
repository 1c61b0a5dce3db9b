// Step 10's view: the DOM of the whole-sentence step — the sentence box and presets, the weight
// seed and mask, the learned / random switch with the lines that say which weights are shown, the
// size line, the stage player with its heatmap, and the query scrubber with its readout. Draws what model.js computed; changes go
// through ctx.set. An empty box keeps the last matrix and says why.
import { createHeatmap, createPlayer } from '../../views/index.js';
import { domFor, uid, setText, setAttrs } from '../../lib/dom.js';
import { hasTokens } from '../sentence-tokens.js';
import { createWeightsSwitch } from '../weights-switch-view.js';
import { ANIMAL_SENTENCE, EXAMPLE_SENTENCE, INPUTS } from './inputs.js';
import { STAGE_NAMES } from './model.js';

export function mount(host, ctx) {
  const { el } = domFor(host);

  const sentenceInput = el('input', { type: 'text', class: 'al-input sentence-input scene-long', autocomplete: 'off', spellcheck: 'false', maxlength: String(INPUTS.sentence.maxLength) });
  const presetAnimal = el('button', { type: 'button', class: 'al-button' }, 'Use \u201Cthe animal \u2026 it was too tired\u201D');
  const presetCat = el('button', { type: 'button', class: 'al-button' }, `Back to \u201C${EXAMPLE_SENTENCE}\u201D`);
  const seedInput = el('input', { type: 'number', class: 'al-input scene-num', min: String(INPUTS.seed.min), max: String(INPUTS.seed.max), step: '1' });
  const reroll = el('button', { type: 'button', class: 'al-button' }, 'Re-roll the weights');
  const maskSelect = el('select', { class: 'al-select' },
    el('option', { value: 'none' }, 'none: every token sees all'),
    el('option', { value: 'causal' }, 'causal: no looking ahead'));
  const message = el('p', { class: 'al-message', role: 'status', hidden: true });
  const tokenCount = el('span', { 'data-testid': 'token-count' });
  const matrixSize = el('span', { 'data-testid': 'matrix-size' });
  const sizeArticle = el('span', {});
  const tokenList = el('span', { class: 'scene-tokens' });
  const sizes = el('p', { class: 'al-stat' }, tokenCount, ' → ', sizeArticle, ' ', matrixSize, ' attention matrix: ', tokenList);
  const weightsSwitch = createWeightsSwitch(el, ctx);

  const playerBox = el('div', {});
  const stageNote = el('p', { class: 'al-note', 'data-testid': 'stage-note' });
  const scrub = el('input', { type: 'range', min: '0', step: '1', id: uid('scene-scrub') });
  const scrubLabel = el('label', { for: scrub.id }, 'Query token');
  const scrubText = el('span', { class: 'al-stat', 'aria-hidden': 'true' });
  const readout = el('p', { class: 'scene-readout', 'data-testid': 'query-readout' });
  const rowSum = el('p', { class: 'al-stat', 'data-testid': 'row-sum' });
  const mapBox = el('div', {});

  host.append(
    el('div', { class: 'al-controls' }, el('label', { class: 'sentence-field' }, 'Sentence', sentenceInput)),
    el('div', { class: 'al-controls' }, presetAnimal, presetCat),
    el('div', { class: 'al-controls' }, el('label', {}, 'Weight seed', seedInput), reroll, el('label', {}, 'Mask', maskSelect)),
    weightsSwitch.controls,
    message, sizes, ...weightsSwitch.lines,
    el('h3', {}, 'Stage by stage'), playerBox, stageNote,
    el('h3', {}, 'One query at a time'),
    el('div', { class: 'al-controls' }, scrubLabel, scrub, scrubText), readout, rowSum, mapBox);

  let last = null; // the last model drawn, for announcements
  const player = createPlayer(playerBox, {
    label: 'Attention stages', stages: STAGE_NAMES,
    onChange: (index, info) => {
      ctx.set({ stage: index });
      if (info.source === 'user') ctx.announceSettled(`${(last?.stageNames ?? STAGE_NAMES)[index]}.`, 300);
    },
  });
  const map = createHeatmap(mapBox, { label: 'Attention', onLockChange: (row) => { if (row !== null) ctx.set({ query: row }); } });

  const showTyped = (text) => { setText(message, text ?? ''); message.hidden = !text; };
  sentenceInput.addEventListener('input', () => {
    const t = hasTokens(sentenceInput.value);
    showTyped(t.message);
    if (!t.ok) return; // the last matrix stays on screen
    ctx.set({ sentence: sentenceInput.value });
    ctx.announceSettled(() => last?.summary ?? '', 1000);
  });
  const usePreset = (text) => {
    sentenceInput.value = text;
    ctx.set({ sentence: text, query: 0 });
    ctx.announceSettled(() => last?.summary ?? '', 200);
  };
  presetAnimal.addEventListener('click', () => usePreset(ANIMAL_SENTENCE));
  presetCat.addEventListener('click', () => usePreset(EXAMPLE_SENTENCE));
  seedInput.addEventListener('change', () => ctx.set({ seed: seedInput.value === '' ? '' : Number(seedInput.value) }));
  reroll.addEventListener('click', () => {
    const next = (ctx.get().seed + 1) % (INPUTS.seed.max + 1);
    ctx.set({ seed: next });
    ctx.announceSettled(() => `New seed ${next}. ${readout.textContent}`, 200);
  });
  maskSelect.addEventListener('change', () => {
    ctx.set({ mask: maskSelect.value });
    ctx.announceSettled(() => `Mask ${maskSelect.value}. ${readout.textContent}`, 200);
  });
  scrub.addEventListener('input', () => {
    ctx.set({ query: Number(scrub.value) });
    ctx.announceSettled(() => readout.textContent, 500);
  });

  let shownStage = null; // the stage the heatmap last showed (a change eases between them)
  return {
    render(m, values) {
      last = m;
      if (m.message) showTyped(m.message);
      if (!sentenceInput.matches(':focus') && sentenceInput.value !== values.sentence) sentenceInput.value = values.sentence;
      if (!seedInput.matches(':focus')) seedInput.value = String(values.seed);
      // the seed only drives the random weights
      for (const c of [seedInput, reroll]) setAttrs(c, { disabled: m.weights.kind === 'learned' });
      weightsSwitch.update(m.weights, values);
      maskSelect.value = values.mask;
      setText(tokenCount, m.tokenCount);
      setText(matrixSize, m.matrixSize);
      setText(sizeArticle, m.sizeArticle);
      setText(tokenList, m.tokenList);

      player.update({ index: m.stage.index, stages: m.stageNames });
      setText(stageNote, m.stage.note);
      map.update({
        values: m.stage.values, rows: m.n, cols: m.stage.cols, rowLabels: m.tokens, colLabels: m.stage.colLabels,
        rowAxisTitle: m.stage.rowAxisTitle, colAxisTitle: m.stage.colAxisTitle,
        stage: m.stage.name, scale: m.stage.scale, domain: m.stage.domain,
        lockedRow: m.query, highlightRow: m.query, showTable: ctx.ui.table, digits: 2,
        transition: m.stage.index !== shownStage ? 450 : 0, // ease between stages (none under reduced motion)
      });
      shownStage = m.stage.index;

      scrub.max = String(m.n - 1);
      scrub.value = String(m.query);
      setAttrs(scrub, { disabled: m.n < 2, 'aria-valuetext': m.place });
      setText(scrubText, m.place);
      setText(readout, m.readout);
      setText(rowSum, m.rowSum);
    },
    destroy() {
      player.destroy();
      map.destroy();
    },
  };
}
