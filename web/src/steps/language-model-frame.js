// The frame both language-model steps (23, 24) draw inside: the model's status line (loading,
// then its size, or the reason it could not load), the sentence box and the line for a sentence
// the model cannot read, and the step's render / destroy. Starts loading
// the model (language-model-loader.js) and calls onReady(loaded) once it is there. DOM only; the
// sentences come from the steps' models.
import { messageLine, sentenceField } from '../views/controls.js';
import { domFor } from '../lib/dom.js';
import { lessonLanguageModel } from './language-model-loader.js';
import { sizeLine, unreadableText } from './23-real-model/read-sentence.js';

/** → { status, controls, field, problem, failed(), view(keep, draw, parts) }; append status, controls, problem.element. */
export function languageModelFrame(host, ctx, { maxLength, onReady }) {
  const { el } = domFor(host);
  const status = el('p', { class: 'al-callout lm-status', role: 'status', 'data-role': 'lm-status', 'data-state': 'loading' }, 'Loading the language model (about 290 KB)\u2026');
  const controls = el('div', { class: 'al-controls' });
  const field = sentenceField(controls, { label: 'Sentence for the model', onChange: (text) => ctx.set({ sentence: text }) });
  field.input.maxLength = maxLength;
  controls.append(field.element);
  const problem = messageLine(host);
  problem.element.setAttribute('role', 'alert');
  problem.element.dataset.role = 'sentence-problem';
  let failed = false, gone = false;
  const asked = performance.now();
  lessonLanguageModel(ctx.engine).then((loaded) => {
    if (gone) return;
    // the model's description is read, not announced: the status stops being live first, and
    // a screen reader hears only that the model is in
    status.removeAttribute('role');
    status.textContent = sizeLine(loaded);
    status.dataset.state = 'ready';
    // (only after a wait the learner noticed; a model already in memory would talk over the
    // step's own title)
    if (performance.now() - asked > 500) ctx.announce?.('The language model is loaded.');
    onReady(loaded);
  }, (err) => {
    failed = true;
    status.textContent = err.message;
    status.dataset.state = 'failed';
    status.setAttribute('role', 'alert');
  });
  return {
    status, controls, field, problem,
    failed: () => failed,
    /**
     * The step's { render, destroy }: render hands the values to keep(values), shows the state's
     * sentence in the box and draws unless the model failed to load; destroy ends the frame and
     * every part ({ destroy() }) the step made (the lesson drops a waiting announcement).
     */
    view(keep, draw, parts) {
      return {
        render(settings, values) {
          keep(values);
          field.sync(values.sentence);
          if (!failed) draw();
        },
        destroy() {
          gone = true;
          field.destroy();
          for (const part of parts()) part.destroy();
        },
      };
    },
  };
}

/** The model's sentence for the view, or the problem shown: → the model's result, or null. */
export function readOrSay(problem, read) {
  let m;
  try {
    m = read();
  } catch (err) {
    problem.show([`The model could not read this sentence: ${err.message}`]);
    return null;
  }
  if (m.error) { problem.show([unreadableText(m, problem.drawn === true)]); return null; }
  problem.show([m.emptyNote]);
  problem.drawn = true; // the caller draws m
  return m;
}
