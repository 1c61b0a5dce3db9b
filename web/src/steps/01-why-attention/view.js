// Step 1's view: the sentence box and retention slider, the chain of hidden states with its
// player, the all-pairs link picture, the attention heatmap and the hop comparison table. Draws
// what model.js computed; edits go back through ctx.set.
import { createHeatmap, createPlayer } from '../../views/index.js';
import { domFor, uid, activeElementOf, setText, setHidden } from '../../lib/dom.js';
import { formatNumber, formatPercent } from '../../lib/format.js';
import { formulaBox } from '../../views/formula-box.js';
import { shortLabel } from '../../lib/text.js';
import { EMBEDDING_NOTE } from '../lesson-embedding.js';
import { INPUTS, MAX_LINK_TOKENS } from './inputs.js';

export function mount(host, ctx) {
  const { el, svg } = domFor(host);
  const id = uid('why');

  const sentenceInput = el('input', { type: 'text', class: 'al-input al-wide scene-text', id: `${id}-sentence`, autocomplete: 'off', spellcheck: 'false', maxlength: String(INPUTS.sentence.maxLength) });
  const retentionInput = el('input', { type: 'range', min: String(INPUTS.retention.min), max: String(INPUTS.retention.max), step: '0.05', id: `${id}-retention` });
  const retentionOut = el('output', { for: `${id}-retention`, class: 'al-stat', 'aria-live': 'off' });
  const message = el('p', { class: 'al-message', hidden: true });
  const linkNote = el('p', { class: 'al-note', hidden: true });
  const controls = el('div', { class: 'al-controls' },
    el('label', { for: `${id}-sentence` }, 'Sentence'), sentenceInput,
    el('label', { class: 'scene-slider' }, 'Retention per step', retentionInput, retentionOut));
  const caveat = el('p', { class: 'al-note' },
    'A simplified picture, not a trained RNN: at every hop the hidden state keeps the same share (the retention) of each earlier token’s signal, so a token d hops back keeps the retention multiplied by itself d times.');

  const formula = formulaBox(host, ctx.formulas.rnn, 'Formula');
  const playerHost = el('div');
  const chain = el('ol', { class: 'scene-chain', 'aria-label': 'Hidden states along the recurrent chain' });
  const chainSummary = el('p', { class: 'al-stat', 'data-testid': 'rnn-survival' });
  const fadeNote = el('p', { class: 'al-note', 'data-testid': 'fade-hops' });
  const rnnCell = el('div', { class: 'al-cell' }, el('h3', {}, 'Recurrent network: one token per step'), formula, playerHost, chain, chainSummary, fadeNote);

  const linkSvg = svg('svg', { class: 'scene-links', viewBox: '-40 0 380 300', role: 'img' });
  const linkText = el('p', { class: 'al-stat', 'data-testid': 'link-count' });
  const heatHost = el('div');
  const attnCell = el('div', { class: 'al-cell' },
    el('h3', {}, 'Self-attention: every token sees every token'), linkSvg, linkNote, linkText, heatHost,
    el('p', { class: 'al-note', 'data-testid': 'embedding-note' }, `${EMBEDDING_NOTE} What matters here is that every cell is a direct, one-hop link.`));

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
  const pairCell = el('div', {}, el('h3', {}, 'Count the hops'), pairControls, el('div', { class: 'al-table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Hops compared' }, compare), pairText);
  host.append(caveat, controls, message, el('div', { class: 'al-grid scene-two' }, rnnCell, attnCell), pairCell);

  let n = 1; // token count of the last render (a position equal to the last token is stored as −1)
  const asPosition = (i) => (i === n - 1 ? -1 : i);
  const player = createPlayer(playerHost, {
    label: 'Walk along the chain', stages: [],
    onChange: (index, info) => {
      ctx.set({ at: asPosition(index) });
      // the chain's sentence, once the learner stops stepping (as step 10's player does)
      if (info?.source === 'user') ctx.announceSettled(() => chainSummary.textContent, 300);
    },
  });
  const heatmap = createHeatmap(heatHost, { label: 'Attention weights', onLockChange: (row) => { if (row !== null) ctx.set({ to: asPosition(row) }); } });
  sentenceInput.addEventListener('input', () => ctx.set({ sentence: sentenceInput.value }));
  retentionInput.addEventListener('input', () => ctx.set({ retention: Number(retentionInput.value) }));
  retentionInput.addEventListener('change', () => {
    ctx.announceSettled(() => chainSummary.textContent, 200);
  });
  for (const [select, key] of [[fromSelect, 'from'], [toSelect, 'to']]) select.addEventListener('change', () => ctx.set({ [key]: asPosition(Number(select.value)) }));

  const fillSelect = (select, tokens, value) => {
    const key = tokens.join('\u0000');
    if (select.dataset.key !== key) {
      select.replaceChildren(...tokens.map((t, i) => el('option', { value: String(i) }, `${i + 1}. ${t}`)));
      select.dataset.key = key;
    }
    select.value = String(value);
  };

  // The all-pairs picture depends on the tokens and the chosen pair only: drawn again when they change.
  let linksKey = '';
  function drawLinks(m) {
    const shown = m.tokens.slice(0, MAX_LINK_TOKENS);
    const key = JSON.stringify([shown, m.from, m.to, m.n]);
    if (key === linksKey) return;
    linksKey = key;
    const k = shown.length;
    const pos = shown.map((_, i) => {
      const a = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, k);
      return [150 + 105 * Math.cos(a), 150 + 105 * Math.sin(a)];
    });
    const lines = [];
    for (let i = 0; i < k; i++) {
      for (let j = i + 1; j < k; j++) {
        const on = (i === m.from && j === m.to) || (i === m.to && j === m.from);
        lines.push(svg('line', { x1: pos[i][0], y1: pos[i][1], x2: pos[j][0], y2: pos[j][1], class: on ? 'pair-link pair-link-on' : 'pair-link' }));
      }
    }
    const labels = shown.map((t, i) => svg('g', { class: i === m.from || i === m.to ? 'scene-node scene-node-on' : 'scene-node' },
      svg('circle', { cx: pos[i][0], cy: pos[i][1], r: 6 }),
      svg('text', { x: pos[i][0] + (pos[i][0] >= 150 ? 10 : -10), y: pos[i][1] + (pos[i][1] >= 150 ? 16 : -8), 'text-anchor': pos[i][0] >= 150 ? 'start' : 'end' }, shortLabel(t, 10))));
    linkSvg.replaceChildren(...lines, ...labels);
    linkSvg.setAttribute('aria-label', m.linkLabel);
  }

  // The chain's boxes are kept and only their changed parts written (a retention drag changes the
  // shares, not the boxes): one { li, h, call, fill, share, width } per box.
  const chainItems = [];
  function drawChain(boxes) {
    while (chainItems.length > boxes.length) chainItems.pop().li.remove();
    boxes.forEach((b, i) => {
      let it = chainItems[i];
      if (!it) {
        it = { h: el('span', { class: 'chain-box-h' }), call: el('span', { class: 'chain-box-token' }), fill: el('span'), share: el('span', { class: 'chain-box-share' }), width: null };
        it.li = el('li', {}, it.h, it.call, el('span', { class: 'chain-box-bar', 'aria-hidden': 'true' }, it.fill), it.share);
        chain.appendChild(it.li);
        chainItems.push(it);
      }
      const cls = `chain-box${b.now ? ' chain-box-now' : ''}${b.read ? '' : ' chain-box-later'}`;
      if (it.li.getAttribute('class') !== cls) it.li.setAttribute('class', cls);
      if (b.now !== (it.li.getAttribute('aria-current') === 'step')) {
        if (b.now) it.li.setAttribute('aria-current', 'step'); else it.li.removeAttribute('aria-current');
      }
      setText(it.h, b.h);
      setText(it.call, b.call);
      setText(it.share, b.shareText);
      const width = `${b.read ? b.share * 100 : 0}%`;
      if (width !== it.width) { it.width = width; it.fill.style.width = width; }
    });
  }

  return {
    render(m, values) {
      n = m.n;
      setHidden(message, !m.notes.length);
      setText(message, m.notes.join(' '));
      if (sentenceInput.value !== values.sentence && activeElementOf(host) !== sentenceInput) sentenceInput.value = values.sentence;
      retentionInput.value = String(m.retention);
      setText(retentionOut, `${formatNumber(m.retention)} (${formatPercent(m.retention)} kept per hop)`);
      retentionInput.setAttribute('aria-valuetext', `${formatPercent(m.retention)} kept per hop`);
      player.update({ stages: m.stages, index: m.at });
      drawChain(m.boxes);
      setText(chainSummary, m.chainSummary);
      setText(fadeNote, m.fadeNote);
      heatmap.update({ values: m.weights, rows: m.n, cols: m.n, rowLabels: m.tokens, colLabels: m.tokens, stage: 'softmax weights (seeded, not learned)', scale: 'sequential', domain: [0, 1], lockedRow: m.to, showTable: ctx.ui.table, digits: 2 });
      drawLinks(m);
      setText(linkText, m.linkText);
      setHidden(linkNote, !m.linkNote);
      setText(linkNote, m.linkNote ?? '');
      fillSelect(fromSelect, m.tokens, m.from);
      fillSelect(toSelect, m.tokens, m.to);
      setText(hopsRnn, String(m.hops.rnn));
      setText(hopsAttn, String(m.hops.attention));
      setText(stepsRnn, m.steps.rnn);
      setText(stepsAttn, m.steps.attention);
      setText(pairText, m.pairText);
    },
    destroy() {
      player.destroy();
      heatmap.destroy();
    },
  };
}
