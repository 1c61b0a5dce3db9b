// Step 24's view: the DOM of "Where attention sits in a transformer" — the sentence box, the
// token to follow (buttons and a slider), the block drawn as a column of boxes in the order the
// model computes them (embedding + position, each layer's norm / attention / add / norm /
// feed-forward / add, the final norm, linear + softmax), each box with the followed token's
// vector as a colour strip and as text; the causal-mask panel, the key-intuitions legend and the
// scale table. The model loads only when this step opens; a failure is said and the lesson
// keeps working. Numbers and sentences come from model.js.
import { createBarChart } from '../../views/index.js';
import { createVectorStrip } from '../../views/vector-strip.js';
import { rangeField } from '../../views/controls.js';
import { domFor, setText, setLines, setRows, setHidden } from '../../lib/dom.js';
import { formatNumber } from '../../lib/format.js';
import { languageModelFrame, readOrSay } from '../language-model-frame.js';
import { INPUTS } from './inputs.js';
import { readBlock } from './read-block.js';

export function mount(host, ctx) {
  const { el } = domFor(host);
  let loaded = null, values = null, shown = null, boxes = [], buttonLabels = '';
  const frame = languageModelFrame(host, ctx, { maxLength: INPUTS.sentence.maxLength, onReady: (l) => { loaded = l; draw(); } });
  const { problem } = frame;
  const tokenButtons = el('div', { class: 'lm-tokens', role: 'group', 'aria-label': 'Token to follow through the block', 'data-role': 'token-buttons' });
  const scrubBox = el('div', { class: 'al-controls' });
  const scrub = rangeField(scrubBox, { label: 'Token to follow', min: 0, max: 1, onInput: (v) => ctx.set({ token: v }), onCommit: () => speakSoon() });
  scrub.input.dataset.role = 'token-scrubber';
  scrubBox.append(scrub.element);
  const arrangement = el('p', { class: 'al-note', 'data-role': 'arrangement' });
  const block = el('ol', { class: 'lm-block', 'data-role': 'block', 'aria-label': 'The transformer, box by box, in the order the model computes' });
  const outputBox = el('li', { class: 'lm-box lm-box-output', 'data-stage': 'output' });
  const outputTitle = el('h3', {}); // (the boxes' titles are the step's third level, as its other sections)
  const outputAbout = el('p', { class: 'al-note' });
  const outputBars = el('div', { 'data-role': 'output-bars' });
  const outputLine = el('p', { class: 'al-stat', 'data-role': 'output-line' });
  outputBox.append(outputTitle, outputAbout, outputBars, outputLine);
  const bars = createBarChart(outputBars, { label: 'The five likeliest next tokens at this position' });
  const maskList = el('ul', { class: 'lm-mask-lines', 'data-role': 'mask-lines' });
  const legend = el('table', { class: 'al-matrix lm-legend', 'data-role': 'intuitions' },
    el('caption', {}, 'Key intuitions: the legend of the block'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Part'), el('th', { scope: 'col' }, 'What it does'), el('th', { scope: 'col' }, 'A picture for it'))),
    el('tbody', {}));
  const scaleTable = el('table', { class: 'al-matrix lm-scale', 'data-role': 'scale' },
    el('caption', {}, 'A small transformer, a modern large one, and this lesson\u2019s model'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, ''), el('th', { scope: 'col' }, 'Small transformer (source 002)'), el('th', { scope: 'col' }, 'Modern LLM (source 002)'), el('th', { scope: 'col' }, 'This lesson\u2019s model (its config)'))),
    el('tbody', {}));

  const unknownLine = el('p', { class: 'al-note', 'data-role': 'unknown-line' });
  host.append(frame.status, frame.controls, problem.element, tokenButtons, unknownLine, scrubBox, arrangement, block,
    el('h3', {}, 'Why a decoder masks, measured on this model'), maskList,
    el('h3', {}, 'The legend'), el('div', { class: 'al-table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Key intuitions' }, legend),
    el('h3', {}, 'How big is big?'), el('div', { class: 'al-table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Scale' }, scaleTable));

  const speakSoon = (text = () => shown?.announce ?? '') => ctx.announceSettled(text, 400);

  function buildBoxes(m) {
    for (const b of boxes) b.strip.destroy();
    block.replaceChildren();
    boxes = m.boxes.map((b) => {
      const title = el('h3', {});
      const about = el('p', { class: 'al-note' });
      const concept = el('p', { class: 'lm-box-concept' });
      const stripHost = el('div', { class: 'lm-strip' });
      const strip = createVectorStrip(stripHost, { width: 288, height: 14 });
      const lengthLine = el('p', { class: 'al-stat' });
      const numbers = el('p', { class: 'al-stat lm-box-numbers', 'aria-hidden': 'true' });
      const all = el('p', {});
      // (each summary names its box: sixteen stops all called "All numbers" told a screen reader nothing)
      const details = el('details', {}, el('summary', {}, 'All numbers', el('span', { class: 'al-visually-hidden' }, ` of ${b.title}`)), all);
      const li = el('li', { class: `lm-box${b.layer ? ' lm-box-layer' : ''}`, 'data-stage': b.key, 'data-layer': b.layer ?? '' }, title, about, concept, stripHost, lengthLine, numbers, details);
      block.appendChild(li);
      return { key: b.key, layer: b.layer, title, about, concept, strip, lengthLine, numbers, all };
    });
    block.appendChild(outputBox);
  }

  function draw() {
    if (!loaded || !values) return;
    const m = readOrSay(problem, () => readBlock(loaded, values));
    if (!m) return;
    shown = m;
    if (boxes.length !== m.boxes.length) buildBoxes(m);

    const labelKey = m.labels.join('\u0000');
    if (labelKey !== buttonLabels) { // one button per token: made again only when the tokens change
      buttonLabels = labelKey;
      tokenButtons.replaceChildren(...m.labels.map((label, i) => {
        const b = el('button', { type: 'button', class: 'al-button lm-token-button', 'aria-pressed': 'false', 'data-index': i }, label);
        b.addEventListener('click', () => { ctx.set({ token: i }); speakSoon(); });
        return b;
      }));
    }
    [...tokenButtons.children].forEach((b, i) => {
      const pressed = String(i === m.token);
      if (b.getAttribute('aria-pressed') !== pressed) b.setAttribute('aria-pressed', pressed);
    });
    scrub.sync(m.token, { min: 0, max: m.n - 1 });
    scrub.input.setAttribute('aria-valuetext', m.place);
    setText(scrub.input.nextSibling, m.place);
    setText(arrangement, m.arrangement);
    setText(unknownLine, m.unknownLine);

    m.boxes.forEach((b, i) => {
      const v = boxes[i];
      setText(v.title, b.title);
      setText(v.about, `${b.about} Shape ${b.shape}.`);
      setText(v.concept, b.concept ? `Legend: ${b.concept}` : '');
      setHidden(v.concept, !b.concept);
      v.strip.update(b.vector);
      setText(v.lengthLine, b.lengthLine);
      setText(v.numbers, b.numbersLine);
      setText(v.all, b.allNumbers);
    });
    setText(outputTitle, m.output.title);
    setText(outputAbout, m.output.about);
    bars.update({ bars: m.output.words.map((w) => ({ label: w.label, value: w.probability })), domain: [0, 1], format: (x) => formatNumber(x, 3) });
    setText(outputLine, m.output.line);

    setLines(maskList, m.maskLines);
    setRows(legend.tBodies[0], m.intuitions.map((r) => [r.concept, r.does, r.picture]));
    setRows(scaleTable.tBodies[0], m.scale.map((r) => [r.what, r.small, r.large, r.ours]));
  }

  return frame.view((v) => { values = v; }, draw, () => [bars, ...boxes.map((b) => b.strip)]);
}
