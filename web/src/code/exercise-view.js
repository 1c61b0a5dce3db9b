// The exercise's DOM: the task, the code editor (loaded on demand) with Run / Reset / New inputs,
// the grader's verdict, and the fill-in version (always available; the only one where the page
// may not run typed code). Runs code only through exercise-runner.js (a Web Worker with a time
// limit), grades with exercise-grader.js. Learner text never reaches innerHTML.
import { domFor, uid } from '../lib/dom.js';
import { assetUrl } from '../embed/assets.js';
import { createEditor } from './editor-loader.js';
import { probeRunner, runLearnerCode } from './exercise-runner.js';
import { grade, fillInAnswers } from './exercise-grader.js';
import { FILL_IN } from './fill-in.js';
import { makeTrials } from './exercise-trials.js';
import { loadDraft, saveDraft } from './exercise-draft.js';
import { TASK, STARTER, EDITOR_HELP, OUTCOME } from './exercise-text.js';

/**
 * mountExercise(host, { engine, announce, workerUrl, onChange }) → { update(model), destroy() }
 * onChange(patch) is called with { seed } or { choice } when the learner changes them.
 */
export function mountExercise(host, { engine, announce = () => {}, workerUrl = assetUrl('exerciseWorker'), onChange = () => {} }) {
  const { el } = domFor(host);
  let seed = 1, choice = null, editor = null, destroyed = false, running = false;
  let source = loadDraft() ?? STARTER; // the learner's last code, kept across visits (exercise-draft.js)

  const task = el('div', { class: 'al-code-task' }, ...TASK.map((t) => el('p', {}, t)));
  const availability = el('p', { class: 'al-note', 'data-testid': 'exercise-availability', role: 'status' }, 'Checking whether this page can run your code…');
  const helpId = uid('al-code-help');
  const help = el('p', { class: 'al-note', id: helpId }, EDITOR_HELP);
  const editorHost = el('div', { class: 'al-code-editor', 'data-testid': 'exercise-editor' }, el('p', { class: 'al-note' }, OUTCOME.loadingEditor));
  const runBtn = el('button', { type: 'button', class: 'al-button al-primary', disabled: '' }, 'Run and check');
  const resetBtn = el('button', { type: 'button', class: 'al-button' }, 'Start again from the starter code');
  const seedBtn = el('button', { type: 'button', class: 'al-button' }, 'New random inputs');
  const seedText = el('span', { class: 'al-stat', 'data-testid': 'exercise-seed' });
  const codePart = el('section', { class: 'al-code-part', 'aria-label': 'Write the code' },
    help, editorHost, el('div', { class: 'al-controls' }, runBtn, resetBtn, seedBtn, seedText));
  const verdict = el('div', { class: 'al-code-verdict', 'data-testid': 'exercise-verdict', role: 'status', 'aria-live': 'polite' });

  // The fill-in version.
  const fillGroups = FILL_IN.map((q) => {
    const name = uid('al-fill');
    const radios = q.choices.map((c) => {
      const input = el('input', { type: 'radio', name, value: c.id });
      input.addEventListener('change', () => { if (input.checked) onChange({ choice: { ...choice, [q.id]: c.id } }); });
      return { input, label: el('label', { class: 'al-choice' }, input, ' ', c.label) };
    });
    return { q, radios, element: el('fieldset', { class: 'al-fill-question', 'data-question': q.id }, el('legend', {}, q.question), ...radios.map((r) => r.label)) };
  });
  const fillCode = el('pre', { class: 'al-code-listing', tabindex: '0', 'aria-label': 'The program your choices make', 'data-testid': 'fill-program' });
  const fillCheck = el('button', { type: 'button', class: 'al-button al-primary' }, 'Check these choices');
  const fillPart = el('details', { class: 'al-fill', 'data-testid': 'exercise-fill' },
    el('summary', {}, 'Fill-in version: choose each part instead of typing'),
    ...fillGroups.map((g) => g.element), fillCode, el('div', { class: 'al-controls' }, fillCheck));

  host.append(task, availability, codePart, fillPart, verdict);

  const showVerdict = (result) => {
    verdict.dataset.pass = String(result.pass);
    verdict.dataset.bugs = (result.bugs ?? []).join(' ');
    // (the verdict is a live region itself: no second announcement of its headline)
    verdict.replaceChildren(el('p', { class: 'al-code-headline' }, result.headline), el('ul', {}, ...(result.details ?? []).map((d) => el('li', {}, d))));
  };
  const showMessage = (text, kind) => {
    verdict.dataset.pass = 'false';
    verdict.dataset.bugs = kind;
    verdict.replaceChildren(el('p', { class: 'al-code-headline' }, text));
  };

  const run = async () => {
    if (running || !editor) return;
    running = true;
    // aria-disabled, not disabled: a disabled button drops keyboard focus to the page
    runBtn.setAttribute('aria-disabled', 'true');
    source = editor.getValue();
    verdict.dataset.pass = '';
    verdict.replaceChildren(el('p', {}, OUTCOME.running));
    const trials = makeTrials(seed);
    const r = await runLearnerCode({ url: workerUrl, source, trials });
    running = false;
    if (destroyed) return;
    runBtn.removeAttribute('aria-disabled');
    if (r.kind === 'answers') showVerdict(grade(engine, trials, r.answers));
    else if (r.kind === 'timeout') showMessage(OUTCOME.timeout(r.limitMs), 'timeout');
    else if (r.kind === 'error') showMessage(r.message, 'error');
    else if (r.kind === 'no-compile') offerFillIn(OUTCOME.noCompile);
    else offerFillIn(OUTCOME.unavailable(r.message));
  };
  runBtn.addEventListener('click', run);
  resetBtn.addEventListener('click', () => { editor?.setValue(STARTER); saveDraft(null); editor?.focus(); announce('The starter code is back in the editor.'); });
  seedBtn.addEventListener('click', () => onChange({ seed: (seed % 9999) + 1 }));
  fillCheck.addEventListener('click', () => {
    const trials = makeTrials(seed);
    const a = fillInAnswers(engine, trials, choice);
    if (a.error) showMessage(a.error, 'fill-in-mix');
    else showVerdict(grade(engine, trials, a.answers));
  });

  function offerFillIn(text) {
    availability.textContent = text;
    availability.dataset.mode = 'fill-in';
    codePart.hidden = true;
    fillPart.open = true;
  }

  // Can this page run typed code? Then load the editor; otherwise the fill-in is the exercise.
  probeRunner(workerUrl).then(async (answer) => {
    if (destroyed) return;
    if (answer === 'no-compile') { offerFillIn(OUTCOME.noCompile); return; }
    if (answer === 'unavailable') { offerFillIn(OUTCOME.unavailable('This copy of the lesson cannot start a separate thread for your code (the lesson embedded from another site, or a page whose policy allows no workers).')); return; }
    availability.textContent = 'Your code runs in a separate thread, with a time limit, so a mistake cannot freeze the page.';
    availability.dataset.mode = 'code';
    editorHost.replaceChildren();
    editor = await createEditor(editorHost, { doc: source, label: 'Your attention function (JavaScript)', describedBy: helpId, onRun: run, onChange: (text) => saveDraft(text === STARTER ? null : text) });
    if (destroyed) { editor.destroy(); return; }
    editorHost.dataset.kind = editor.kind;
    runBtn.disabled = false;
  });

  return {
    /** m: the exercise step's model (steps/22-exercise/model.js): { seed, seedLine, choice, program }. */
    update(m) {
      seed = m.seed;
      choice = m.choice;
      seedText.textContent = m.seedLine;
      for (const g of fillGroups) for (const r of g.radios) r.input.checked = r.input.value === choice[g.q.id];
      fillCode.textContent = m.program;
    },
    destroy() {
      destroyed = true;
      editor?.destroy();
    },
  };
}
