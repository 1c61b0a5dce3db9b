// Step 1: the recurrent bottleneck beside self-attention. The learner types a sentence and sets
// how much of a token's signal survives each recurrent hop (a simplified picture of fading, not a
// trained RNN), walks along the chain h1 → h2 → …, and compares hop counts for a chosen pair of
// words. The attention side is a real attention matrix from the engine over the toy model's
// seeded (unlearned) embeddings and weights.
import { createHeatmap, createPlayer } from '../views/index.js';
import { domFor, uid, activeElementOf } from '../lib/dom.js';
import { embed, layerWeights } from '../model/toy-model.js';
import { formatNumber, formatPercent, superscript } from '../lib/format.js';
import { formulaBox } from '../views/formula-box.js';
import { survivalAt, hopCounts, chainStages, hopsToFade } from './recurrent-chain.js';
import { shortLabel } from '../lib/text.js';
import { readInt, readNumber, readSentence } from './scene-inputs.js';

const D_MODEL = 8;
const MAX_LINK_TOKENS = 12; // the all-pairs picture stays readable up to here
const DEFAULTS = { sentence: 'The cat sat down', retention: 0.7, at: -1, from: 0, to: -1 };

export default {
  id: 'why-attention',
  title: 'Why sequences need attention',
  // at / to = −1 mean "the last token", so they follow the sentence's length.
  defaults() { return { ...DEFAULTS }; },
  mount(host, ctx) {
    const { el, svg } = domFor(host);
    const weights = layerWeights(D_MODEL, 1);
    const id = uid('a1');

    // ---- controls ----
    const sentenceInput = el('input', { type: 'text', class: 'al-input al-wide scene-text', id: `${id}-sentence`, autocomplete: 'off', spellcheck: 'false' });
    const retentionInput = el('input', { type: 'range', min: '0.5', max: '0.95', step: '0.05', id: `${id}-retention` });
    const retentionOut = el('output', { for: `${id}-retention`, class: 'al-stat' });
    const message = el('p', { class: 'al-message', hidden: true });
    const linkNote = el('p', { class: 'al-note', hidden: true });
    const controls = el('div', { class: 'al-controls' },
      el('label', { for: `${id}-sentence` }, 'Sentence'), sentenceInput,
      el('label', { class: 'scene-slider' }, 'Retention per step', retentionInput, retentionOut));
    const caveat = el('p', { class: 'al-note' },
      'A simplified picture, not a trained RNN: at every hop the hidden state keeps the same share (the retention) of each earlier token’s signal, so a token d hops back keeps the retention multiplied by itself d times.');

    // ---- the chain ----
    const formula = formulaBox(host, ctx.formulas.rnn, 'Formula');
    const playerHost = el('div');
    const chain = el('ol', { class: 'scene-chain', 'aria-label': 'Hidden states along the recurrent chain' });
    const chainSummary = el('p', { class: 'al-stat', 'data-testid': 'rnn-survival' });
    const fadeNote = el('p', { class: 'al-note', 'data-testid': 'fade-hops' });
    const rnnCell = el('div', { class: 'al-cell' },
      el('h3', {}, 'Recurrent network: one token per step'), formula, playerHost, chain, chainSummary, fadeNote);

    // ---- self-attention ----
    const linkSvg = svg('svg', { class: 'scene-links', viewBox: '-40 0 380 300', role: 'img' });
    const linkText = el('p', { class: 'al-stat', 'data-testid': 'link-count' });
    const heatHost = el('div');
    const attnCell = el('div', { class: 'al-cell' },
      el('h3', {}, 'Self-attention: every token sees every token'), linkSvg, linkNote, linkText, heatHost,
      el('p', { class: 'al-note' }, 'These attention weights come from seeded random embeddings and weights (width 8), not learned ones: what matters here is that every cell is a direct, one-hop link.'));

    // ---- pair comparison ----
    const fromSelect = el('select', { class: 'al-select', id: `${id}-from` });
    const toSelect = el('select', { class: 'al-select', id: `${id}-to` });
    const pairControls = el('div', { class: 'al-controls' },
      el('label', { for: `${id}-from` }, 'From word'), fromSelect, el('label', { for: `${id}-to` }, 'to word'), toSelect);
    const stat = (testid) => el('span', { class: 'al-stat', 'data-testid': testid });
    const hopsRnn = stat('hops-rnn'), hopsAttn = stat('hops-attention'), stepsRnn = stat('steps-rnn'), stepsAttn = stat('steps-attention');
    const compare = el('table', { class: 'al-matrix hops-compare' },
      el('caption', {}, 'The chosen pair under each model'),
      el('thead', {}, el('tr', {}, el('td', { class: 'al-corner' }), el('th', { scope: 'col' }, 'Recurrent chain'), el('th', { scope: 'col' }, 'Self-attention'))),
      el('tbody', {},
        el('tr', {}, el('th', { scope: 'row' }, 'Hops between the two words'), el('td', {}, hopsRnn), el('td', {}, hopsAttn)),
        el('tr', {}, el('th', { scope: 'row' }, 'Steps that must run one after another'), el('td', {}, stepsRnn), el('td', {}, stepsAttn))));
    const pairText = el('p', { 'data-testid': 'pair-text' });
    const pairCell = el('div', {}, el('h3', {}, 'Count the hops'), pairControls, el('div', { class: 'al-table-wrap' }, compare), pairText);

    host.append(caveat, controls, message, el('div', { class: 'al-grid scene-two' }, rnnCell, attnCell), pairCell);

    const player = createPlayer(playerHost, {
      label: 'Walk along the chain',
      stages: [],
      onChange: (index) => ctx.set({ at: index === tokensNow().length - 1 ? -1 : index }),
    });
    const heatmap = createHeatmap(heatHost, {
      label: 'Attention weights',
      onLockChange: (row) => { if (row !== null) ctx.set({ to: row === tokensNow().length - 1 ? -1 : row }); },
    });

    let lastTokens = DEFAULTS.sentence.split(' ');
    let current = lastTokens;
    const tokensNow = () => current;
    let announceTimer = null;
    const win = host.ownerDocument.defaultView;

    sentenceInput.addEventListener('input', () => ctx.set({ sentence: sentenceInput.value }));
    retentionInput.addEventListener('input', () => ctx.set({ retention: Number(retentionInput.value) }));
    retentionInput.addEventListener('change', () => {
      win.clearTimeout(announceTimer);
      announceTimer = win.setTimeout(() => ctx.announce(chainSummary.textContent), 200);
    });
    const pick = (select, key) => select.addEventListener('change', () => {
      const i = Number(select.value);
      ctx.set({ [key]: i === current.length - 1 ? -1 : i });
    });
    pick(fromSelect, 'from');
    pick(toSelect, 'to');

    const fillSelect = (select, tokens, value) => {
      const key = tokens.join('\u0000');
      if (select.dataset.key !== key) {
        select.replaceChildren(...tokens.map((t, i) => el('option', { value: String(i) }, `${i + 1}. ${t}`)));
        select.dataset.key = key;
      }
      select.value = String(value);
    };

    function drawLinks(tokens, from, to) {
      const shown = tokens.slice(0, MAX_LINK_TOKENS);
      const n = shown.length;
      const pos = shown.map((_, i) => {
        const a = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, n);
        return [150 + 105 * Math.cos(a), 150 + 105 * Math.sin(a)];
      });
      const lines = [];
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const on = (i === from && j === to) || (i === to && j === from); // only drawn when both are shown
          lines.push(svg('line', { x1: pos[i][0], y1: pos[i][1], x2: pos[j][0], y2: pos[j][1], class: on ? 'pair-link pair-link-on' : 'pair-link' }));
        }
      }
      const labels = shown.map((t, i) => svg('g', { class: i === from || i === to ? 'scene-node scene-node-on' : 'scene-node' },
        svg('circle', { cx: pos[i][0], cy: pos[i][1], r: 6 }),
        svg('text', { x: pos[i][0] + (pos[i][0] >= 150 ? 10 : -10), y: pos[i][1] + (pos[i][1] >= 150 ? 16 : -8), 'text-anchor': pos[i][0] >= 150 ? 'start' : 'end' }, shortLabel(t, 10))));
      linkSvg.replaceChildren(...lines, ...labels);
      const links = (tokens.length * (tokens.length - 1)) / 2;
      linkSvg.setAttribute('aria-label', `Every one of the ${tokens.length} tokens joined to every other by a direct line; the line between “${tokens[from]}” and “${tokens[to]}” is drawn thicker.`);
      linkText.textContent = `${tokens.length} tokens → ${links} direct ${links === 1 ? 'link' : 'links'}, each one hop long.`;
      linkNote.hidden = tokens.length <= MAX_LINK_TOKENS;
      linkNote.textContent = `The picture shows the first ${MAX_LINK_TOKENS} tokens; the matrix below has all ${tokens.length}.`;
    }

    return {
      render(s) {
        // Sentence: text from the scene state; when nothing usable arrived, the last tokens stay.
        const read = readSentence(s.sentence);
        if (read.tokens) lastTokens = read.tokens;
        current = lastTokens;
        const sentence = typeof s.sentence === 'string' ? s.sentence : lastTokens.join(' ');
        const tokens = current;
        const n = tokens.length;
        const retention = readNumber(s.retention, { min: 0.5, max: 0.95, fallback: DEFAULTS.retention, name: 'retention' });
        const r = retention.value;
        const messages = [read.message, retention.message];
        const idx = (v, name, fallback) => {
          if (v === -1) return n - 1;
          const c = readInt(v, { min: 0, max: n - 1, fallback, name });
          messages.push(c.message);
          return c.value;
        };
        const at = idx(s.at, 'chain position', n - 1);
        const from = idx(s.from, 'first word', 0);
        const to = idx(s.to, 'second word', n - 1);
        const shown = messages.filter(Boolean);
        message.hidden = !shown.length;
        message.textContent = shown.join(' ');

        if (sentenceInput.value !== sentence && activeElementOf(host) !== sentenceInput) sentenceInput.value = sentence;
        retentionInput.value = String(r);
        retentionOut.textContent = `${formatNumber(r)} (${formatPercent(r)} kept per hop)`;
        retentionInput.setAttribute('aria-valuetext', `${formatPercent(r)} kept per hop`);

        // The chain: boxes h1 … hN, each with the share of its token still present at h(at+1).
        player.update({ stages: chainStages(tokens), index: at });
        const shares = survivalAt(r, n, at);
        chain.replaceChildren(...tokens.map((tok, j) => {
          const share = shares[j];
          const read = share !== null;
          return el('li', { class: `chain-box${j === at ? ' chain-box-now' : ''}${read ? '' : ' chain-box-later'}`, 'aria-current': j === at ? 'step' : undefined },
            el('span', { class: 'chain-box-h' }, `h${j + 1}`),
            el('span', { class: 'chain-box-token' }, `f(“${tok}”, h${j})`),
            el('span', { class: 'chain-box-bar', 'aria-hidden': 'true' }, el('span', { style: { width: `${read ? share * 100 : 0}%` } })),
            el('span', { class: 'chain-box-share' }, read ? `“${tok}”: ${formatPercent(share)} left` : 'not read yet'));
        }));
        chainSummary.textContent = `At h${at + 1}, what is left of “${tokens[0]}”: ${formatPercent(shares[0])} (${formatNumber(r)}${superscript(at)}); of “${tokens[at]}”: 100%.`;
        const fade = hopsToFade(r, 0.1);
        fadeNote.textContent = `With ${formatPercent(r)} kept per hop, a token falls below 10% after ${fade} hops.`;

        // Self-attention: one engine call over the toy model's embeddings.
        const result = ctx.engine.attention({ x: embed(tokens, D_MODEL), n, dModel: D_MODEL, dK: D_MODEL, dV: D_MODEL, wq: weights.wq, wk: weights.wk, wv: weights.wv });
        const w = result.heads[0].weights;
        heatmap.update({ values: w, rows: n, cols: n, rowLabels: tokens, colLabels: tokens, stage: 'softmax weights (seeded random, not learned)', scale: 'sequential', domain: [0, 1], lockedRow: to, showTable: ctx.ui.table, digits: 2 });
        drawLinks(tokens, from, to);

        // The pair.
        fillSelect(fromSelect, tokens, from);
        fillSelect(toSelect, tokens, to);
        const hops = hopCounts(from, to);
        hopsRnn.textContent = String(hops.rnn);
        hopsAttn.textContent = String(hops.attention);
        stepsRnn.textContent = `${n} (one per token)`;
        stepsAttn.textContent = '1 (all tokens at once)';
        const [early, late] = from <= to ? [from, to] : [to, from];
        if (from === to) {
          pairText.textContent = 'Pick two different words to compare the paths between them.';
        } else {
          const left = r ** (late - early);
          pairText.textContent = `In the chain, “${tokens[late]}” only meets “${tokens[early]}” through ${late - early} rewrites of the memory, so ${formatPercent(left)} of it is left in this picture. `
            + `With self-attention, “${tokens[late]}” looks at “${tokens[early]}” directly, with weight ${formatNumber(w[late * n + early])} in the matrix above (row “${tokens[late]}”).`;
        }
      },
      destroy() {
        win.clearTimeout(announceTimer);
        player.destroy();
        heatmap.destroy();
      },
    };
  },
};
