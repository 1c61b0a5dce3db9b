// The mistake lab's fourth bug, drawn: the right and the wrongly shaped padding mask side by side
// as heatmaps, a pad-count control, the shapes in NumPy terms and the sentences the model built
// from the engine's numbers. Mounted under the mistake lab by code/scene-hook.js (as scene-code.js's
// extra: `mountExtra`), loaded when that step opens.
import { createHeatmap } from '../views/index.js';
import { domFor, uid, setLines, setText } from '../lib/dom.js';
import { tokenize } from '../model/toy-model.js';
import { wrongShapeModel } from './wrong-shape-mask.js';

const MAX_WORDS = 10;

export function mountWrongShapeMask(host, { engine }) {
  const { el } = domFor(host);
  let pads = 2, words = ['The', 'cat', 'sat', 'down'];
  const padSelect = el('select', { class: 'al-select', id: uid('al-pads') }, ...[1, 2, 3].map((p) => el('option', { value: String(p) }, String(p))));
  padSelect.value = String(pads);
  const grid = el('div', { class: 'al-grid' });
  const box = () => grid.appendChild(el('div', { class: 'al-cell' }));
  const right = createHeatmap(box(), { label: 'Mask of shape (1, n)' });
  const wrong = createHeatmap(box(), { label: 'Mask of shape (n, 1)' });
  const facts = el('ul', { class: 'al-code-facts', 'data-testid': 'wrong-shape-facts' });
  const code = el('pre', { class: 'al-code-listing', tabindex: '0', 'aria-label': 'The two mask shapes in NumPy' });
  const headingId = uid('al-ws');
  const section = el('section', { class: 'al-wrong-shape', 'data-testid': 'wrong-shape-mask', 'aria-labelledby': headingId },
    el('h3', { id: headingId }, 'The fourth bug: a padding mask of the wrong shape'),
    el('p', {}, 'Sentences in a batch are padded to the same length with [pad] tokens, and a padding mask hides them. Here the same flags are given two shapes.'),
    el('div', { class: 'al-controls' }, el('label', { for: padSelect.id }, 'Pad tokens added'), padSelect),
    grid, facts, code);
  host.append(section);

  const draw = () => {
    const m = wrongShapeModel(engine, words, pads);
    const spec = { rows: m.n, cols: m.n, rowLabels: m.tokens, colLabels: m.tokens, domain: [0, 1] };
    right.update({ ...spec, values: m.right, stage: 'pad keys hidden (right)' });
    wrong.update({ ...spec, values: m.wrong, stage: 'pad queries hidden (wrong)' });
    setLines(facts, m.sentences); // (unchanged sentences and code are not rewritten: no new layout)
    setText(code, [
      `is_pad = np.array([${Array.from({ length: m.n }, (_, i) => (i < m.k ? 'False' : 'True')).join(', ')}])`,
      `right = is_pad[None, :]   # shape (1, ${m.n}): hides keys, the same for every query`,
      `wrong = is_pad[:, None]   # shape (${m.n}, 1): hides queries — and leaves the pad keys open`,
      'masked = np.where(right, -np.inf, scaled)   # both broadcast to (n, n) without an error',
    ].join('\n'));
  };
  padSelect.addEventListener('change', () => { pads = Number(padSelect.value); draw(); });

  return {
    update(values) {
      const t = tokenize(values.sentence ?? '').tokens;
      if (t?.length) words = t.slice(0, MAX_WORDS);
      draw();
    },
    destroy() { right.destroy(); wrong.destroy(); section.remove(); },
  };
}

/** The name scene-hook.js mounts a step's extra by. */
export const mountExtra = mountWrongShapeMask;
