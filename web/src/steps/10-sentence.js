// Step 10: attention on a whole typed sentence. The toy model tokenizes it and gives each word a
// seeded embedding (width 16); seeded W_Q, W_K, W_V come from layerWeights. The engine runs one
// head, and a stage player steps through raw scores → scaled → masked → softmax weights → output,
// one matrix at a time. A query scrubber lights one row and says where that token looks most.
// The scene says plainly that nothing here is learned.
import { createHeatmap, createPlayer } from '../views/index.js';
import { domFor } from '../lib/dom.js';
import { formatShape, quoteLabel, formatNumber } from '../lib/format.js';
import { embed, layerWeights, MAX_TOKENS } from '../model/toy-model.js';
import { rowSums, topK } from '../lib/matrix.js';
import { readChoice, readInt, readSentence } from './scene-inputs.js';
import { article } from '../lib/text.js';
import { LESSON_EMBEDDING, EMBEDDING_NOTE } from './lesson-embedding.js';

const D_MODEL = LESSON_EMBEDDING.dModel; // the same vectors as every other sentence step
const DEFAULT_SENTENCE = 'The cat sat down';
const ANIMAL = 'The animal didn\u2019t cross the street because it was too tired';
const STAGES = [
  { key: 'scores', name: 'raw scores Q·Kᵀ', scale: 'diverging', about: 'Each query dotted with each key, before any scaling.' },
  { key: 'scaled', name: `scaled scores ÷ √${D_MODEL}`, scale: 'diverging', about: `The same scores divided by √d_k = √${D_MODEL} = 4, so their spread stays moderate.` },
  { key: 'masked', name: 'masked scores', scale: 'diverging', about: '' },
  { key: 'weights', name: 'softmax weights', scale: 'sequential', about: 'Softmax along each row: every row is now a set of shares that add up to 1.' },
  { key: 'output', name: 'output (weights · V)', scale: 'diverging', about: `One new ${D_MODEL}-number vector per token: its row of weights times the values V.` },
];
const MASKS = ['none', 'causal'];

export default {
  id: 'sentence',
  title: 'Attention on a whole sentence',
  defaults() {
    return { sentence: DEFAULT_SENTENCE, seed: 7, query: 0, stage: 3, mask: 'none' };
  },
  mount(host, ctx) {
    const { el } = domFor(host);
    const win = host.ownerDocument.defaultView;

    const sentenceInput = el('input', { type: 'text', class: 'al-input sentence-input scene-long', autocomplete: 'off', spellcheck: 'false', maxlength: '2000' });
    const presetAnimal = el('button', { type: 'button', class: 'al-button' }, 'Use \u201Cthe animal \u2026 it was too tired\u201D');
    const presetCat = el('button', { type: 'button', class: 'al-button' }, 'Back to \u201CThe cat sat down\u201D');
    const seedInput = el('input', { type: 'number', class: 'al-input scene-num', min: '0', max: '9999', step: '1' });
    const reroll = el('button', { type: 'button', class: 'al-button' }, 'Re-roll the weights');
    const maskSelect = el('select', { class: 'al-select' },
      el('option', { value: 'none' }, 'none: every token sees all'),
      el('option', { value: 'causal' }, 'causal: no looking ahead'));
    const message = el('p', { class: 'al-message', role: 'status', hidden: true });
    const tokenCount = el('span', { 'data-testid': 'token-count' });
    const matrixSize = el('span', { 'data-testid': 'matrix-size' });
    const tokenList = el('span', { class: 'scene-tokens' });
    const sizeArticle = el('span', {}, 'a');
    const sizes = el('p', { class: 'al-stat' }, tokenCount, ' tokens → ', sizeArticle, ' ', matrixSize, ' attention matrix: ', tokenList);

    const notLearned = el('p', { class: 'al-callout', 'data-testid': 'not-learned' },
      `${EMBEDDING_NOTE} The pattern is illustrative: a trained model’s heads would show linguistic patterns such as ‘it’ → ‘animal’.`);

    const playerBox = el('div', {});
    const stageNote = el('p', { class: 'al-note', 'data-testid': 'stage-note' });
    const scrub = el('input', { type: 'range', min: '0', step: '1', id: `${host.id || 'b'}-scrub-${Math.random().toString(36).slice(2, 8)}` });
    const scrubLabel = el('label', { for: scrub.id }, 'Query token');
    const scrubText = el('span', { class: 'al-stat', 'aria-hidden': 'true' });
    const readout = el('p', { class: 'scene-readout', 'data-testid': 'query-readout' });
    const rowSum = el('p', { class: 'al-stat', 'data-testid': 'row-sum' });
    const mapBox = el('div', {});

    host.append(
      el('div', { class: 'al-controls' }, el('label', { class: 'sentence-field' }, 'Sentence', sentenceInput)),
      el('div', { class: 'al-controls' }, presetAnimal, presetCat),
      el('div', { class: 'al-controls' }, el('label', {}, 'Weight seed', seedInput), reroll, el('label', {}, 'Mask', maskSelect)),
      message, sizes, notLearned,
      el('h3', {}, 'Stage by stage'), playerBox, stageNote,
      el('h3', {}, 'One query at a time'),
      el('div', { class: 'al-controls' }, scrubLabel, scrub, scrubText), readout, rowSum, mapBox);

    const player = createPlayer(playerBox, {
      label: 'Attention stages', stages: STAGES.map((s) => s.name),
      onChange: (index, info) => {
        ctx.set({ stage: index });
        if (info.source === 'user') speak(`${STAGES[index].name}.`, 300);
      },
    });
    const map = createHeatmap(mapBox, { label: 'Attention', onLockChange: (row) => { if (row !== null) ctx.set({ query: row }); } });

    let lastTokens = readSentence(DEFAULT_SENTENCE).tokens;
    let current = this.defaults();
    let speakTimer = 0;
    function speak(text, delay) {
      win.clearTimeout(speakTimer);
      speakTimer = win.setTimeout(() => ctx.announce(typeof text === 'function' ? text() : text), delay);
    }
    let summary = '';
    let shownStage = null; // the stage the heatmap last showed (a change eases between them)

    sentenceInput.addEventListener('input', () => {
      ctx.set({ sentence: sentenceInput.value });
      speak(() => summary, 1000);
    });
    const usePreset = (text) => {
      sentenceInput.value = text;
      ctx.set({ sentence: text, query: 0 });
      speak(() => summary, 200);
    };
    presetAnimal.addEventListener('click', () => usePreset(ANIMAL));
    presetCat.addEventListener('click', () => usePreset(DEFAULT_SENTENCE));
    seedInput.addEventListener('change', () => {
      const v = Number(seedInput.value);
      if (seedInput.value === '' || !Number.isInteger(v) || v < 0 || v > 9999) {
        message.textContent = 'The seed must be a whole number from 0 to 9999.';
        message.hidden = false;
        return;
      }
      ctx.set({ seed: v });
    });
    reroll.addEventListener('click', () => {
      ctx.set({ seed: (current.seed + 1) % 10000 });
      speak(() => `New seed ${current.seed}. ${readout.textContent}`, 200);
    });
    maskSelect.addEventListener('change', () => {
      ctx.set({ mask: maskSelect.value });
      speak(() => `Mask ${current.mask}. ${readout.textContent}`, 200);
    });
    scrub.addEventListener('input', () => {
      ctx.set({ query: Number(scrub.value) });
      speak(() => readout.textContent, 500);
    });

    return {
      render(s) {
        // ---- validate --------------------------------------------------------------------
        const problems = [];
        const take = (r) => { if (r.message) problems.push(r.message); return r.value; };
        const t = readSentence(s.sentence);
        if (t.message) problems.push(t.message);
        if (t.tokens) lastTokens = t.tokens;
        const tokens = lastTokens;
        const n = tokens.length;
        const seed = take(readInt(s.seed, { min: 0, max: 9999, fallback: 7, name: 'weight seed' }));
        const mask = take(readChoice(s.mask, MASKS, 'none', 'mask'));
        const stage = take(readInt(s.stage, { min: 0, max: STAGES.length - 1, fallback: 3, name: 'stage' }));
        // A query past the end of a shorter sentence simply moves to the last token.
        const query = take(readInt(s.query, { min: 0, max: n - 1, fallback: 0, name: 'query', quiet: s.query >= n && s.query < MAX_TOKENS }));
        current = { sentence: s.sentence, seed, mask, stage, query };
        message.textContent = problems.join(' ');
        message.hidden = problems.length === 0;

        if (!sentenceInput.matches(':focus') && sentenceInput.value !== s.sentence) sentenceInput.value = typeof s.sentence === 'string' ? s.sentence : DEFAULT_SENTENCE;
        if (!seedInput.matches(':focus')) seedInput.value = String(seed);
        maskSelect.value = mask;

        // ---- the engine ------------------------------------------------------------------
        const x = embed(tokens, D_MODEL, 1);
        const w = layerWeights(D_MODEL, 1, seed);
        const r = ctx.engine.attention({ x, n, dModel: D_MODEL, heads: 1, dK: D_MODEL, dV: D_MODEL, wq: w.wq, wk: w.wk, wv: w.wv, mask });
        const h = r.heads[0];
        const wCols = h.weights.length / n;

        tokenCount.textContent = String(n);
        matrixSize.textContent = formatShape(n, wCols);
        sizeArticle.textContent = article(matrixSize.textContent); // “an 11 × 11”, “a 4 × 4”
        tokenList.textContent = tokens.map((tok) => quoteLabel(tok)).join(' ');
        summary = `${n} tokens, a ${formatShape(n, wCols)} matrix.`;

        // ---- stage -----------------------------------------------------------------------
        player.update({ index: stage });
        const st = STAGES[stage];
        stageNote.textContent = st.key === 'masked'
          ? (mask === 'none'
            ? 'No mask is on, so this stage equals the scaled scores. Choose the causal mask to hide every later token (shown as −∞).'
            : 'The causal mask sets every score above the diagonal to −∞, so a token cannot look at the words after it; softmax will turn those into weights of 0.')
          : st.about;
        const isOut = st.key === 'output';
        const values = h[st.key];
        const cols = values.length / n;
        map.update({
          values, rows: n, cols, rowLabels: tokens,
          colLabels: isOut ? Array.from({ length: cols }, (_, j) => `dim ${j + 1}`) : tokens,
          rowAxisTitle: isOut ? 'token' : 'query', colAxisTitle: isOut ? 'dimension' : 'key',
          stage: st.name, scale: st.scale, domain: st.key === 'weights' ? [0, 1] : undefined,
          lockedRow: query, highlightRow: query, showTable: ctx.ui.table, digits: 2,
          transition: stage !== shownStage ? 450 : 0, // ease between stages (none under reduced motion)
        });
        shownStage = stage;

        // ---- the scrubbed query ----------------------------------------------------------
        scrub.max = String(n - 1);
        scrub.value = String(query);
        scrub.disabled = n < 2;
        const name = quoteLabel(tokens[query]);
        const place = `${name} (${query + 1} of ${n})`;
        scrub.setAttribute('aria-valuetext', place);
        scrubText.textContent = place;
        const row = h.weights.slice(query * n, query * n + n);
        const top = topK(row, 3).filter((e) => e.value > 0);
        const parts = top.map((e) => `${quoteLabel(tokens[e.index])} (${formatNumber(e.value)})`);
        const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0];
        const visible = row.filter((v) => v > 0).length;
        readout.textContent = visible === 1
          ? `${name} can only see ${list} here, so all of its attention goes there.`
          : `${name} attends most to ${list}${mask === 'causal' ? `, among the ${visible} tokens it is allowed to see` : ''}.`;
        rowSum.textContent = `The weights in row ${name} add up to ${formatNumber(rowSums(row, 1, n)[0])}.`;
      },
      destroy() {
        win.clearTimeout(speakTimer);
        player.destroy();
        map.destroy();
      },
    };
  },
};
