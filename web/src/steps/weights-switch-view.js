// weights-switch-view.js — the DOM of the "learned / random" switch the sentence scenes (steps 10
// and 13) share: two radio buttons (keyboard: arrow keys move between them), the trained model and
// layer pickers, and the lines that say which weights are on screen, why learned fell back, and
// the learned pattern — all text from the scene's model (weights-switch.js). Starts loading the
// trained files the first time the learner asks for them, then redraws. DOM only.
import { uid, setHidden, setAttrs } from '../lib/dom.js';
import { loadTrainedModels } from './trained-loader.js';
import { TRAINED_TASKS } from './weights-switch.js';

// What the pickers call each trained model (the task names of src/train/tasks.cpp).
const TRAINED_LABELS = Object.freeze({
  'it-two-layers': '“it” → the right noun (2 layers)',
  'tired-wide': 'tired → animal, wide → street (1 layer)',
  'which-apple': 'Which apple? company or fruit (1 layer)',
});

/** el: the scene's domFor(host).el; ctx: the scene context. → { controls, lines, update(w, values) } */
export function createWeightsSwitch(el, ctx) {
  const id = uid('weights');
  const radio = (value, text) => {
    const input = el('input', { type: 'radio', name: `${id}-kind`, value, id: `${id}-${value}` });
    input.addEventListener('change', () => { if (input.checked) ctx.set({ weights: value }); });
    return { input, label: el('label', { for: input.id, class: 'scene-radio' }, input, text) };
  };
  const randomRadio = radio('random', 'random (seeded, nothing learned)');
  const learnedRadio = radio('learned', 'learned (trained by our trainer)');
  const trainedSelect = el('select', { class: 'al-select', id: `${id}-trained` },
    ...TRAINED_TASKS.map((t) => el('option', { value: t }, TRAINED_LABELS[t] ?? t)));
  const layerSelect = el('select', { class: 'al-select', id: `${id}-layer` },
    el('option', { value: '1' }, 'layer 1'), el('option', { value: '2' }, 'layer 2'));
  trainedSelect.addEventListener('change', () => ctx.set({ trained: trainedSelect.value }));
  layerSelect.addEventListener('change', () => ctx.set({ layer: Number(layerSelect.value) }));

  const controls = el('fieldset', { class: 'scene-fieldset', 'data-testid': 'weights-switch' },
    el('legend', {}, 'Weights'), randomRadio.label, learnedRadio.label,
    el('label', {}, 'Trained model ', trainedSelect), el('label', {}, 'Layer ', layerSelect));
  const source = el('p', { class: 'al-callout', 'data-testid': 'weights-source' });
  const note = el('p', { class: 'al-note', 'data-testid': 'weights-note', role: 'status' });
  const pattern = el('p', { class: 'scene-readout', 'data-testid': 'learned-pattern' });

  let asked = false; // loading started once; a failure shows its sentence and may be retried
  return {
    controls,
    lines: [source, note, pattern],
    /** w: the model's `weights` field; values: the scene's inputs. */
    update(w, values) {
      randomRadio.input.checked = values.weights === 'random';
      learnedRadio.input.checked = values.weights === 'learned';
      trainedSelect.value = values.trained;
      setAttrs(trainedSelect, { disabled: values.weights !== 'learned' });
      layerSelect.value = String(w.layer || values.layer);
      setAttrs(layerSelect, { disabled: w.kind !== 'learned' || w.layers < 2 });
      source.textContent = w.source;
      note.textContent = w.note;
      setHidden(note, !w.note);
      pattern.textContent = w.pattern;
      setHidden(pattern, !w.pattern);
      if (w.loading && !asked) {
        asked = true;
        loadTrainedModels().finally(() => { asked = false; ctx.set({}); }).catch(() => {});
      }
    },
  };
}
