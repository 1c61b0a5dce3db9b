// mountLesson(container, options): the whole lesson as a component with no global state (several
// can live on one page, in light or shadow DOM). It owns the one state object, renders the current
// step's text and scene from it, mirrors it to the URL hash (when asked), and routes keyboard
// navigation. Step ids, titles and order come from the registry (steps/index.js); every scene
// input, from any source, is checked once by state.js. Scenes compute with the engine; this file
// only arranges them.
import { codePanelHook } from './code/scene-hook.js';
import { createEngine } from '../../wasm/engine.js';
import { STEPS as TEXT } from './content/steps.js';
import { SCENES, stepInfo } from './steps/index.js';
import { createState, fromHash, sceneInputs, setSceneInputs, toHash } from './state.js';
import { domFor, prefersReducedMotion, setAttrs, setText } from './lib/dom.js';
import { createHashMirror } from './hash-mirror.js';
import FORMULAS from 'virtual:formulas';

const TEXT_BY_ID = new Map(TEXT.map((t) => [t.id, t]));
let sharedEngine = null; // one engine per page is enough; every lesson instance may share it

export function getSharedEngine() {
  sharedEngine ??= createEngine();
  return sharedEngine;
}

/**
 * options: { steps?: stepId[] (a subset, in lesson order), step?: stepId (start here),
 *   hash?: boolean (mirror state to location.hash; default false), engine?: Engine,
 *   quiz?: { createQuiz, options } | null, hide?: string[] (controls to hide: 'nav', 'table'),
 *   sentence?: string, heads?: number }
 * Returns a promise of { goTo(stepId), state(), destroy(), root }.
 */
export async function mountLesson(container, options = {}) {
  const { el } = domFor(container);
  const doc = container.ownerDocument;
  const win = doc.defaultView;
  const steps = SCENES.filter((s) => !options.steps || options.steps.includes(s.id));
  if (!steps.length) throw new RangeError('None of the requested steps exist in this lesson.');
  const hide = new Set(options.hide ?? []);

  const root = el('div', { class: 'al-root', lang: 'en' });
  const live = el('div', { class: 'al-visually-hidden', 'aria-live': 'polite', role: 'status' });
  const notice = el('p', { class: 'al-notice', role: 'alert', hidden: true });
  // noticeKeys: the inputs whose edit put the notice up (null: the page's own, e.g. a link's);
  // the next accepted edit of one of them takes it down, since it may no longer hold.
  let noticeKeys = null;
  const loading = el('p', { class: 'al-loading' }, 'Loading the attention engine…');
  root.append(live, notice, loading);
  container.append(root);

  let engine;
  try {
    engine = await (options.engine ?? getSharedEngine());
  } catch (err) {
    setText(loading, `The lesson's maths engine could not start: ${err.message} Try reloading the page, or use a current browser.`);
    throw err;
  }
  loading.remove();

  // ---- state ------------------------------------------------------------------------------
  let state;
  if (options.hash) {
    const read = fromHash(win.location.hash, steps);
    state = read.state;
    if (read.problems.length) showNotice(read.problems.join(' '));
  } else {
    state = createState(steps);
  }
  // Options that seed scene inputs (an embedding author's starting sentence and head count).
  const seedProblems = [];
  if (options.step && !(options.hash && win.location.hash)) {
    // (a step remembered by a course system from a newer or older lesson may no longer exist)
    if (steps.some((s) => s.id === options.step)) state.step = options.step;
    else seedProblems.push(`The step to reopen, "${String(options.step).slice(0, 40)}", is not part of this lesson, so it opens at the start; saved quiz answers are kept.`);
  }
  for (const s of steps) {
    const d = s.defaults();
    const seed = {};
    if (options.sentence && 'sentence' in d) seed.sentence = String(options.sentence).slice(0, 2000);
    if (options.heads && 'heads' in d) seed.heads = options.heads;
    if (Object.keys(seed).length && !state.scenes[s.id]) seedProblems.push(...setSceneInputs(state, s, seed, { where: 'in the page settings' }));
  }
  if (seedProblems.length) showNotice(seedProblems.join(' '));

  function showNotice(text, keys = null) {
    setText(notice, text);
    notice.hidden = !text;
    noticeKeys = text ? keys : null;
  }

  // ---- layout -----------------------------------------------------------------------------
  const header = el('header', { class: 'al-header' });
  const progress = el('p', { class: 'al-progress' });
  const navList = el('ol', { class: 'al-steps' });
  const nav = el('nav', { class: 'al-nav', 'aria-label': 'Lesson steps' },
    el('details', { class: 'al-steps-menu', open: win.matchMedia?.('(min-width: 900px)').matches || undefined },
      el('summary', { class: 'al-steps-summary' }, 'All steps'), navList));
  // One switch for learners who prefer numbers to colours (and screen-reader users): every
  // heatmap of every step opens as a table while it is on. Kept in the state, so links keep it.
  const tablesToggle = el('button', { type: 'button', class: 'al-button al-tables-toggle', 'aria-pressed': 'false' }, 'Show every matrix as a table');
  tablesToggle.addEventListener('click', () => {
    state.ui.table = !state.ui.table;
    render();
  });
  header.append(progress);
  if (!hide.has('table')) header.append(tablesToggle);
  if (!hide.has('nav') && steps.length > 1) header.append(nav);

  const article = el('article', { class: 'al-step' });
  const heading = el('h2', { class: 'al-step-title', tabindex: '-1' });
  const objective = el('p', { class: 'al-objective' });
  const body = el('div', { class: 'al-text' });
  const sceneHost = el('section', { class: 'al-scene', 'aria-label': 'Interactive scene' });
  const tryList = el('ul', { class: 'al-try' });
  const tryBox = el('section', { class: 'al-try-box', 'aria-label': 'Things to try' }, el('h3', {}, 'Try this'), tryList);
  const takeaway = el('p', { class: 'al-takeaway' });
  const quizHost = el('section', { class: 'al-quiz-host', 'aria-label': 'Check your understanding' });
  const codeHost = el('div', { class: 'al-code-host' }); // code panels and extras (code/scene-hook.js)
  article.append(heading, objective, body, sceneHost, codeHost, tryBox, takeaway, quizHost);

  const prev = el('button', { type: 'button', class: 'al-button al-prev' }, '← Previous');
  const next = el('button', { type: 'button', class: 'al-button al-next al-primary' }, 'Next →');
  const footer = el('footer', { class: 'al-footer' }, prev, next);
  root.append(header, article);
  if (steps.length > 1) root.append(footer);

  const navButtons = steps.map((s, i) => {
    const b = el('button', { type: 'button', class: 'al-step-link', dataset: { step: s.id } }, `${i + 1}. ${s.title}`);
    b.addEventListener('click', () => goTo(s.id, { focus: true }));
    navList.append(el('li', {}, b));
    return b;
  });
  prev.addEventListener('click', () => move(-1));
  next.addEventListener('click', () => move(1));

  // ---- quiz -------------------------------------------------------------------------------
  let quiz = null;
  if (options.quiz?.createQuiz) {
    quiz = options.quiz.createQuiz({
      engine,
      hostElement: root,
      getSceneInputs: (stepId) => {
        const s = SCENES.find((x) => x.id === stepId);
        return s ? sceneInputs(state, s) : {};
      },
      onGoToStep: (stepId) => goTo(stepId, { focus: true }),
      ...options.quiz.options,
    });
  }

  // ---- scenes -----------------------------------------------------------------------------
  let current = null; // { step, view }
  let frame = 0;
  // The live region. speak() says a text now (emptied first, so the same words are said again).
  // speakSettled() says it once the learner pauses: `delay` ms after the last call, so a held key
  // or a drag gives one announcement at its end, not one per step (each would also cost the page
  // an extra frame while the learner is still changing the value). Any newer announcement
  // replaces a settled one that is still waiting; leaving the step drops it.
  let settledTimer = 0;
  function speak(text) {
    win.clearTimeout(settledTimer);
    live.textContent = '';
    win.setTimeout(() => { live.textContent = text; }, 30);
  }
  function speakSettled(text, delay = 250) {
    win.clearTimeout(settledTimer);
    settledTimer = win.setTimeout(() => speak(typeof text === 'function' ? text() : text), delay);
  }
  const ctxFor = (step) => ({
    engine,
    formulas: FORMULAS,
    text: TEXT_BY_ID.get(step.id),
    get: () => sceneInputs(state, step),
    set(patch) {
      const problems = setSceneInputs(state, step, patch);
      const keys = Object.keys(patch ?? {});
      if (problems.length) showNotice(problems.join(' '), keys);
      else if (noticeKeys && keys.some((k) => noticeKeys.includes(k) || noticeKeys.includes('*'))) showNotice('');
      scheduleRender();
    },
    announce: speak,
    announceSettled: speakSettled,
    reducedMotion: () => prefersReducedMotion(container),
    goTo: (id) => goTo(id, { focus: true }),
    stepInfo, // { id, title, number } of any step, from the registry
    ui: state.ui,
    setUi(patch) {
      Object.assign(state.ui, patch);
      scheduleRender();
    },
  });

  // A change renders once per frame, in the next frame callback; a change made by a key press or
  // a click renders right after that event's handlers instead (in a microtask, so a handler's
  // several set() calls still make one render): a key press comes at any point of the frame, and
  // the next frame then only has style, layout and paint left to do. (Not for other sources, such
  // as a training worker's messages, which may come many times per frame.)
  // (A dragged slider's input event already comes at the start of a frame, right before its
  // frame callbacks, so for it both ways paint in the same frame.)
  let soon = false;
  let destroyed = false;
  const USER_EVENTS = new Set(['keydown', 'keyup', 'click', 'change', 'input']);
  // window.event is the event being dispatched (undefined inside a shadow root: there the frame
  // callback is used, as before)
  const inUserInput = () => USER_EVENTS.has(win.event?.type);
  function scheduleRender() {
    if (soon) return;
    if (inUserInput()) {
      soon = true;
      queueMicrotask(() => {
        soon = false;
        if (frame) { win.cancelAnimationFrame(frame); frame = 0; }
        if (!destroyed) render();
      });
      return;
    }
    if (frame) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      render();
    });
  }

  function renderScene() {
    const step = steps.find((s) => s.id === state.step);
    if (!current || current.step !== step) {
      win.clearTimeout(settledTimer);
      current?.view?.destroy?.();
      current?.code?.destroy();
      sceneHost.replaceChildren();
      codeHost.replaceChildren();
      // Steps with a code panel (code/scene-code.js) draw with a recording engine; see code/scene-hook.js.
      current = { step, view: null, code: codePanelHook(step.id, engine, codeHost, sceneHost) };
      codeHost.hidden = !current.code;
      try {
        current.view = step.mount(sceneHost, { ...ctxFor(step), ...(current.code && { engine: current.code.engine }) });
      } catch (err) {
        sceneHost.replaceChildren(el('p', { class: 'al-error', role: 'alert' }, `This scene could not start: ${err.message}`));
        console.error(err);
      }
      current.quizView?.destroy?.();
      quizHost.replaceChildren();
      if (quiz) current.quizView = quiz.mountStep(quizHost, step.id);
      quizHost.hidden = !quiz || !quizHost.childElementCount;
    } else if (quiz) {
      // The scene's inputs changed: questions computed from them follow (e.g. cell questions).
      quiz.refresh(step.id);
    }
    try {
      current.code?.beforeRender();
      current.view?.render(sceneInputs(state, step), state);
      current.code?.afterRender(sceneInputs(state, step));
    } catch (err) {
      // A scene's own input checks explain bad values; anything else must not take the page down.
      console.error(err);
      showNotice(`Something went wrong while drawing this step: ${err.message}`);
    }
  }

  // The URL hash follows the state, written after the frame that shows a change (a replaceState
  // costs a few ms of main-thread time that should not delay the paint) and at most a few times a
  // second while a slider is dragged: Chromium ignores history updates beyond 200 per 10 s.
  const hashMirror = createHashMirror(win, () => toHash(state));
  if (options.hash) win.addEventListener('pagehide', hashMirror.flush);

  let textShown = null; // id of the step whose words are on screen
  function render() {
    const index = steps.findIndex((s) => s.id === state.step);
    const step = steps[index];
    const t = TEXT_BY_ID.get(step.id) ?? { paragraphs: [], tryThis: [] };
    setText(progress, steps.length > 1 ? `Step ${index + 1} of ${steps.length}` : '');
    if (textShown !== step.id) { // the step's words only change with the step, not with its inputs
      textShown = step.id;
      setText(heading, step.title);
      setText(objective, t.objective ? `Goal: ${t.objective}` : '');
      objective.hidden = !t.objective;
      body.replaceChildren(...(t.paragraphs ?? []).map((p) => el('p', {}, p)));
      tryList.replaceChildren(...(t.tryThis ?? []).map((p) => el('li', {}, p)));
      tryBox.hidden = !(t.tryThis ?? []).length;
      setText(takeaway, t.takeaway ? `Takeaway: ${t.takeaway}` : '');
      takeaway.hidden = !t.takeaway;
      navButtons.forEach((b, i) => (i === index ? b.setAttribute('aria-current', 'step') : b.removeAttribute('aria-current')));
    }
    // (written only when it changes: the lesson renders on every frame of a drag)
    if (tablesToggle.getAttribute('aria-pressed') !== String(!!state.ui.table)) tablesToggle.setAttribute('aria-pressed', String(!!state.ui.table));
    const tables = state.ui.table ? 'on' : 'off';
    if (root.dataset.alTables !== tables) root.dataset.alTables = tables; // heatmaps without their own showTable follow it
    setAttrs(prev, { disabled: index === 0 });
    setAttrs(next, { disabled: index === steps.length - 1 });
    renderScene();
    if (options.hash) hashMirror.schedule();
    // A named point in the browser's performance timeline (DevTools, npm run bench:page), one per
    // render; the buffer is cleared at once, observers still see it.
    win.performance.mark?.('attention-lesson:render');
    win.performance.clearMarks?.('attention-lesson:render');
  }

  function goTo(stepId, { focus = false } = {}) {
    const i = steps.findIndex((s) => s.id === stepId);
    if (i < 0) return false;
    state.step = stepId;
    render();
    ctxFor(steps[i]).announce(`Step ${i + 1} of ${steps.length}: ${steps[i].title}`);
    if (focus) heading.focus({ preventScroll: false });
    return true;
  }

  function move(delta) {
    const i = steps.findIndex((s) => s.id === state.step) + delta;
    if (i >= 0 && i < steps.length) goTo(steps[i].id, { focus: true });
  }

  // A decimal comma typed or pasted into a number box. Chromium's number input takes "," as a
  // digit group separator and hands the page "05" for "0,5", so the comma would never reach a
  // scene's own check and "0,5" would be read as 5. Here, before it is inserted, a typed comma
  // becomes a decimal point ("0,5" → 0.5) and a screen reader is told; a pasted number with a
  // decimal comma ("0,25") is pasted with a point; anything else with a comma ("1,000", which
  // may mean a thousand or one) is refused in words. (The quiz's answer boxes are text boxes and
  // read "0,5" as 0.5 themselves.)
  root.addEventListener('beforeinput', (e) => {
    const t = e.target;
    if (t?.localName !== 'input' || t.type !== 'number') return;
    const text = e.data ?? e.dataTransfer?.getData?.('text/plain') ?? '';
    if (!text.includes(',')) return;
    e.preventDefault();
    const decimal = text === ',' || (/^\s*[-+\u2212]?\d*,\d+\s*$/.test(text) && !/^\s*[-+\u2212]?[1-9]\d{0,2},\d{3}\s*$/.test(text));
    const doc = t.ownerDocument;
    if (decimal && doc.execCommand?.('insertText', false, text.trim().replace(',', '.'))) {
      speak('The comma was read as a decimal point.');
      return;
    }
    showNotice(`A number box takes a decimal point, not a comma: type 0.5 for a half. (${text.trim().slice(0, 20)} was not entered.)`, ['*']);
  }, true);

  // Alt+PageDown / Alt+PageUp move between steps from anywhere inside the lesson.
  root.addEventListener('keydown', (e) => {
    if (e.altKey && (e.key === 'PageDown' || e.key === 'PageUp')) {
      e.preventDefault();
      move(e.key === 'PageDown' ? 1 : -1);
    }
  });
  const onHash = () => {
    if (!options.hash || win.location.hash === toHash(state)) return;
    const read = fromHash(win.location.hash, steps);
    hashMirror.adopt(); // the state now follows this hash: later changes are written again
    state.step = read.state.step;
    state.scenes = read.state.scenes;
    Object.assign(state.ui, read.state.ui);
    showNotice(read.problems.join(' '));
    current?.view?.destroy?.();
    current = null;
    render();
  };
  if (options.hash) win.addEventListener('hashchange', onHash);

  render();

  return {
    root,
    engine,
    quiz,
    goTo: (id) => goTo(id, { focus: false }),
    state: () => JSON.parse(JSON.stringify(state)),
    destroy() {
      destroyed = true;
      if (frame) win.cancelAnimationFrame(frame);
      win.clearTimeout(settledTimer);
      if (options.hash) hashMirror.flush();
      win.removeEventListener('pagehide', hashMirror.flush);
      win.removeEventListener('hashchange', onHash);
      current?.view?.destroy?.();
      current?.quizView?.destroy?.();
      root.remove();
    },
  };
}

