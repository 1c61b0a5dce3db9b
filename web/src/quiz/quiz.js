// quiz.js — the guided quiz's controller: createQuiz(options) loads saved progress, mounts each
// step's questions into the container the lesson gives it, records answers (scoring.js), saves
// them (storage.js), reports results as xAPI-shaped events (events.js) and offers a final review.
// No globals: everything is scoped to the containers passed in, so several lessons (and shadow
// roots) can share one page.

import { QUESTIONS, STEP_IDS, STEP_TITLES } from './questions.js';
import { check, solutionOf, totals, progressText, retryCredit } from './scoring.js';
import { formatAnswer } from '../lib/format.js';
import { createStore, indexedDBBackend, mergeStates, sameAnswers } from './storage.js';
import { createEmitter, buildAnsweredStatement, buildCompletedStatement } from './events.js';
import { answerOf } from './answer-key.js';
import { instantiate, newSeed } from './variants.js';
import { createQuestionCard } from './question-view.js';
import { createReviewView } from './review-view.js';
import { domFor } from '../lib/dom.js';
import { createHeatmap as defaultCreateHeatmap } from '../views/heatmap.js';

const EVENTS = ['answered', 'completed', 'reveal', 'progress', 'notice'];

/**
 * createQuiz(options) → { mountStep, mountReview, progress, reset, on, refresh, questionsFor }
 * options: engine, storage (a Storage; undefined → the page's localStorage if allowed; null →
 * memory only), durable (a durable backend, see storage.js; undefined → the page's IndexedDB
 * if allowed; null → none), namespace, hostElement, targetOrigin, getSceneInputs(stepId), onGoToStep(stepId),
 * actor (xAPI Agent, optional; default an anonymous account), activityBase (base IRI of the xAPI
 * activity ids), quizId (the embedding's quiz id in those ids; default none: the lesson's own ids), frameId (echoed
 * in messages to the parent), masteryScore (0..1, default 0.8), headingLevel (default 3),
 * reviewAtStep (step whose mountStep also shows the review below its questions; default the
 * last step that has questions, where the quiz ends, or none when all the questions are on one
 * step; null to mount the review only through mountReview),
 * questions (default: the bank), createHeatmap (default: views/heatmap.js), now() (ms clock),
 * window (the window to post from; default: the host's), variantSeed(questionId, n) (where the
 * per-attempt seeds come from; default: random). getSceneInputs is accepted but no longer used:
 * computed questions draw their own inputs.
 */
// The step the review sits on by default: the last one (in the bank's order, which is the
// lesson's) that has questions, so the learner meets it where the quiz ends; null when every
// question is on one step (a one-step embedding), where a review would repeat the step's cards.
function lastQuizStep(questions) {
  const steps = [...new Set(questions.map((q) => q.stepId))];
  return steps.length > 1 ? steps[steps.length - 1] : null;
}

export function createQuiz(options = {}) {
  const {
    engine = null, namespace, hostElement = null, targetOrigin, onGoToStep,
    actor, masteryScore = 0.8, headingLevel = 3, questions = QUESTIONS, reviewAtStep = lastQuizStep(questions),
    createHeatmap = defaultCreateHeatmap, now = () => Date.now(), variantSeed,
  } = options;
  const byId = new Map(questions.map((q) => [q.id, q]));
  const order = new Map(questions.map((q, i) => [q.id, i + 1]));
  const store = createStore({ storage: resolveStorage(options.storage, hostElement), durable: resolveDurable(options.durable, options.storage, hostElement), namespace, knownIds: new Set(byId.keys()), kinds: new Map(questions.map((q) => [q.id, q.kind])) });
  const emitter = createEmitter({ targetOrigin, win: options.window, frameId: options.frameId ?? null });
  const xapi = { activityBase: options.activityBase, quizId: options.quizId ?? null };
  const listeners = Object.fromEntries(EVENTS.map((e) => [e, new Set()]));
  const views = new Set();
  const byContainer = new WeakMap(); // container → handle of the view mounted there
  const shownAt = new Map();
  const pendingNotices = [];
  const instance = Math.random().toString(36).slice(2, 8);
  let counter = 0;
  let lastElement = hostElement;

  let { state, notice } = store.load();
  if (notice) pendingNotices.push(notice);
  // An answer saved without its variant (an earlier bank, or a store that does not keep it):
  // fixed questions keep it under a new seed (their option ids do not depend on it); answers to
  // questions whose numbers depend on the variant cannot be shown again and are set aside.
  function adoptUnseeded(st) {
    const legacy = Object.keys(st.answers).filter((id) => !Number.isInteger(st.answers[id].variant));
    const setAside = legacy.filter((id) => byId.get(id)?.variant);
    for (const id of legacy) {
      if (setAside.includes(id)) delete st.answers[id];
      else st.answers[id] = { ...st.answers[id], variant: newSeed() };
    }
    if (!setAside.length) return;
    st.completedAt = null;
    (views.size ? say : (text) => pendingNotices.push(text))(`${setAside.length} saved answer${setAside.length === 1 ? '' : 's'} could not be shown again with ${setAside.length === 1 ? 'its' : 'their'} numbers and ${setAside.length === 1 ? 'was' : 'were'} set aside; answer ${setAside.length === 1 ? 'it' : 'them'} again with new ones.`);
  }
  adoptUnseeded(state);

  let seedCount = 0;
  function freshSeed(id) {
    seedCount += 1;
    const s = typeof variantSeed === 'function' ? Number(variantSeed(id, seedCount)) >>> 0 : newSeed();
    return s || 1;
  }
  /** The question one attempt shows: the saved variant unless `fresh`, else a new seed. */
  function instanceFor(template, { fresh = false } = {}) {
    const saved = state.answers[template.id];
    const seed = !fresh && saved && Number.isInteger(saved.variant) ? saved.variant : freshSeed(template.id);
    return instantiate(template, seed, { engine, orderKey: template.kind === 'order' ? answerOf(template) : null });
  }
  if (emitter.notice) pendingNotices.push(emitter.notice);

  function fire(name, payload) {
    for (const fn of listeners[name]) {
      try { fn(payload); } catch { /* a listener's bug must not break the quiz */ }
    }
  }

  // Views whose section was removed from its container by someone else (e.g. the lesson
  // clearing its quiz host on a step change without calling destroy()) are dropped.
  function prune() {
    for (const v of views) if (v.root.parentNode !== v.container) { views.delete(v); v.dispose(); }
  }

  function say(text) {
    if (!text) return;
    fire('notice', text);
    prune();
    const last = Array.from(views).pop();
    if (last) last.notice(text); else pendingNotices.push(text);
  }

  // The latest save's confirmation while a durable commit is pending (ctl.lastSave), else null.
  // "Saved" is shown only once the commit is confirmed.
  let lastSave = null;
  function persist() {
    const out = store.save(state);
    if (out.notice) say(out.notice);
    if (!out.committed) { lastSave = null; return; }
    for (const v of views) v.saved?.(null);
    const pending = out.committed.then((r) => {
      if (r.notice) say(r.notice);
      if (lastSave === pending) for (const v of views) v.saved?.(r);
      return r;
    });
    lastSave = pending;
  }

  // The durable copy can hold answers the Storage lost in a crash: merge them in.
  store.ready.then((later) => {
    if (!later) return;
    if (later.notice) say(later.notice);
    const merged = mergeStates(state, later.state);
    adoptUnseeded(merged);
    if (sameAnswers(merged, state)) return;
    state = merged;
    persist();
    prune();
    for (const v of views) v.rebuild?.(); // the cards show the restored answers in full
    syncViews();
  });

  function progress() {
    return { ...totals(questions, state.answers), completed: Boolean(state.completedAt), persistent: store.persistent };
  }

  function syncViews() {
    prune();
    for (const v of views) v.sync();
    fire('progress', progress());
  }

  function maybeComplete(element) {
    const t = totals(questions, state.answers);
    if (t.answered < t.total || state.completedAt) return;
    state.completedAt = new Date(now()).toISOString();
    persist();
    const durationMs = Object.values(state.answers).reduce((s, a) => s + (a.durationMs || 0), 0);
    const st = buildCompletedStatement({ raw: t.raw, max: t.max, durationMs, actor, masteryScore, questions: questions.length, ...xapi });
    emitter.emit('completed', st, hostElement || element);
    fire('completed', st);
    for (const v of views) v.completed?.(t);
  }

  function record(q, entry, response, element, durationMs) {
    state.answers[q.id] = entry;
    persist();
    const st = buildAnsweredStatement({
      question: q, response, score: entry.score, correct: entry.correct,
      durationMs, actor, attempt: entry.attempts, ...xapi,
    });
    lastElement = hostElement || element || lastElement;
    emitter.emit('answered', st, lastElement);
    fire('answered', { statement: st, questionId: q.id, stepId: q.stepId });
    syncViews();
    maybeComplete(lastElement);
  }

  // Time spent on a question: since it was shown or since the learner's previous quiz action,
  // whichever is later, so that durations of cards shown side by side do not overlap and the
  // completion duration (their sum) approximates the real time spent.
  let lastActionAt = null;
  function elapsed(q) {
    const t = now();
    const from = Math.max(shownAt.get(q.id) ?? t, lastActionAt ?? -Infinity);
    lastActionAt = t;
    return Math.max(0, t - from);
  }

  function makeCtl(element) {
    return {
      uid: (p) => `al-quiz-${instance}-${p}-${(counter += 1)}`,
      createHeatmap,
      saved: (id) => state.answers[id],
      lastSave: () => lastSave,
      live: (q) => q.compute(engine),
      instanceFor,
      startTimer: (q) => { const t = now(); shownAt.set(q.id, t); if (lastActionAt !== null) lastActionAt = t; },
      submit(q, response, live) {
        let result;
        try {
          result = check(q, response, { engine, live: q.kind === 'cell' ? live : undefined });
        } catch (err) {
          return { error: err && err.message ? err.message : 'This question cannot be checked right now.' };
        }
        if (result.invalid) return { result };
        const prev = state.answers[q.id];
        if (prev && prev.revealed) return { result, practice: true };
        const d = elapsed(q);
        const credit = retryCredit(q, prev && !prev.correct ? prev.attempts : 0);
        // A retry never lowers the question's score: a partly right order (14 of 15 pairs, 0.93)
        // followed by a perfect one on the second try (which earns 0.5) keeps its 0.93.
        const earned = Math.round(result.score * credit * 10000) / 10000;
        const earlier = prev && prev.attempts > 0 && prev.score > earned ? prev.score : undefined;
        const entry = {
          response: response ?? null, score: earlier ?? earned, correct: result.correct,
          attempts: (prev ? prev.attempts : 0) + 1, revealed: false, feedback: result.feedback,
          durationMs: (prev && prev.durationMs ? prev.durationMs : 0) + d, at: new Date(now()).toISOString(),
          variant: q.variant,
        };
        record(q, entry, response, element(), d);
        return { result, credit, earned, earlier };
      },
      solution(q, live) {
        try {
          return solutionOf(q, { engine, live: q.kind === 'cell' ? live : undefined });
        } catch (err) {
          return { text: `The solution cannot be computed right now: ${err && err.message ? err.message : 'unknown problem'}`, value: q.kind === 'choice' ? answerOf(q) : undefined };
        }
      },
      reveal(q, live) {
        const out = this.solution(q, live);
        const prev = state.answers[q.id];
        if (prev) {
          const same = prev.variant === q.variant;
          state.answers[q.id] = { ...prev, revealed: true, variant: q.variant, response: same ? prev.response : null, at: new Date(now()).toISOString() };
          persist();
          syncViews();
        } else {
          const d = elapsed(q);
          record(q, {
            response: null, score: 0, correct: false, attempts: 0, revealed: true, feedback: '',
            durationMs: d, at: new Date(now()).toISOString(), variant: q.variant,
          }, null, element(), d);
        }
        fire('reveal', { questionId: q.id, stepId: q.stepId, predict: Boolean(q.predict) });
        return out;
      },
    };
  }

  function makeShell(container, { title, label, extraClass }) {
    const doc = container.ownerDocument;
    const hl = Math.min(6, Math.max(1, headingLevel));
    const progressLine = domFor(doc).el('p', { class: 'al-quiz-progress' });
    const bar = domFor(doc).el('progress', { class: 'al-quiz-bar', max: questions.length, value: 0, 'aria-label': 'Questions answered' });
    const noticeEl = domFor(doc).el('p', { class: 'al-quiz-notice', role: 'status', hidden: true });
    const savedEl = domFor(doc).el('p', { class: 'al-quiz-saved', role: 'status', hidden: true });
    const root = domFor(doc).el('section', { class: `al-quiz ${extraClass}`, 'aria-label': label }, [
      domFor(doc).el(`h${hl}`, { class: 'al-quiz-title', text: title }),
      domFor(doc).el('div', { class: 'al-quiz-progress-row' }, [progressLine, bar]),
      noticeEl,
      savedEl,
    ]);
    const updateProgress = () => {
      const t = totals(questions, state.answers);
      progressLine.textContent = `${progressText(t)} \u00B7 score ${formatAnswer(t.raw)} of ${t.max} (${Math.round(t.scaled * 100)}%)`;
      bar.value = t.answered;
    };
    const showNotice = (text) => {
      noticeEl.textContent = noticeEl.hidden ? text : `${noticeEl.textContent} ${text}`;
      noticeEl.hidden = false;
    };
    // null: a save is under way; else the confirmed result { ok, where } from storage.js.
    const showSaved = (r) => {
      savedEl.hidden = Boolean(r && !r.ok);
      savedEl.textContent = !r ? 'Saving your answer\u2026' : r.where === 'indexeddb' ? 'Your answers are saved in this browser.'
        : r.where === 'localstorage' ? 'Your answers are saved in this browser\u2019s local storage.' : 'Your answers are saved.';
    };
    return { doc, root, updateProgress, showNotice, showSaved, headingLevel: hl };
  }

  function register(view, shell) {
    views.add(view);
    while (pendingNotices.length) shell.showNotice(pendingNotices.shift());
  }

  // Mounting again into the same container replaces what was there.
  function claim(container, handle) {
    const old = byContainer.get(container);
    if (old && old !== handle) old.destroy();
    byContainer.set(container, handle);
    return handle;
  }

  function mountStep(container, stepId) {
    const qs = questions.filter((q) => q.stepId === stepId);
    const withReview = Boolean(container) && reviewAtStep != null && stepId === reviewAtStep;
    if (!container || (qs.length === 0 && !withReview)) return { destroy() {}, refresh() {}, count: 0 };
    const old = byContainer.get(container);
    if (old) old.destroy();
    const shell = makeShell(container, {
      title: 'Check your understanding', label: `Questions for: ${STEP_TITLES[stepId] || stepId}`, extraClass: 'al-quiz-step',
    });
    const ctl = makeCtl(() => shell.root);
    let cards = [];
    const build = () => {
      for (const c of cards) c.destroy();
      cards = qs.map((q) => createQuestionCard(shell.doc, q, ctl, { number: order.get(q.id), total: questions.length }));
      for (const c of cards) shell.root.appendChild(c.root);
      shell.updateProgress();
    };
    const view = {
      root: shell.root,
      container,
      sync() { shell.updateProgress(); for (const c of cards) c.sync(); },
      rebuild: build,
      refresh(sid) { for (const [i, c] of cards.entries()) if (!sid || (qs[i].scene || qs[i].stepId) === sid) c.refresh(); },
      notice: shell.showNotice,
      saved: shell.showSaved,
      dispose() { for (const c of cards) c.destroy(); cards = []; },
    };
    if (qs.length) {
      build();
      container.appendChild(shell.root);
      register(view, shell);
    }
    const review = withReview ? mountReviewView(container) : null;
    return claim(container, {
      count: qs.length,
      refresh: () => { view.refresh(); review?.refresh(); },
      destroy() {
        views.delete(view); view.dispose(); shell.root.remove();
        review?.destroy();
        if (byContainer.get(container) === this) byContainer.delete(container);
      },
    });
  }

  function mountReview(container) {
    if (!container) return { destroy() {}, refresh() {} };
    const old = byContainer.get(container);
    if (old) old.destroy();
    const handle = mountReviewView(container);
    const destroy = handle.destroy;
    return claim(container, {
      refresh: handle.refresh,
      destroy() { destroy(); if (byContainer.get(container) === this) byContainer.delete(container); },
    });
  }

  function mountReviewView(container) {
    const shell = makeShell(container, { title: 'Review', label: 'Quiz review', extraClass: 'al-quiz-review' });
    const ctl = makeCtl(() => shell.root);
    const view = createReviewView(shell, {
      questions, order, stepTitles: STEP_TITLES, ctl, onGoToStep,
      state: () => state, totals: () => totals(questions, state.answers),
      reset: () => api.reset(),
    });
    view.notice = shell.showNotice;
    view.saved = shell.showSaved;
    view.root = shell.root;
    view.container = container;
    view.dispose = view.destroy;
    container.appendChild(shell.root);
    register(view, shell);
    return { refresh: () => view.rebuild(), destroy() { views.delete(view); view.destroy(); shell.root.remove(); } };
  }

  const api = {
    mountStep,
    mountReview,
    progress,
    /** Forget all answers (storage included); every mounted view starts over. */
    reset() {
      state = store.reset();
      shownAt.clear();
      for (const v of views) v.rebuild();
      say('Your quiz progress was reset.');
      fire('progress', progress());
    },
    /** Subscribe: 'answered' | 'completed' | 'reveal' | 'progress' | 'notice'. Returns an unsubscribe function. */
    on(name, fn) {
      if (!listeners[name]) throw new RangeError(`Unknown quiz event "${name}"; use one of: ${EVENTS.join(', ')}.`);
      listeners[name].add(fn);
      return () => listeners[name].delete(fn);
    },
    /** Redraw live questions after a scene changed (all, or only those using sceneId's inputs). */
    refresh(sceneId) { for (const v of views) v.refresh?.(sceneId); },
    questionsFor: (stepId) => questions.filter((q) => q.stepId === stepId).map((q) => q.id),
    stepIds: STEP_IDS,
  };
  return api;
}

// undefined → the page's localStorage (merely reading it may throw in sandboxed frames);
// null → memory only; anything else is used as given.
// The page's IndexedDB, unless a Storage was given explicitly (tests, memory-only) or access is
// refused (a sandboxed frame throws on reading window.indexedDB).
function resolveDurable(durable, storage, hostElement) {
  if (durable !== undefined) return durable;
  if (storage !== undefined) return null;
  try {
    const view = hostElement && hostElement.ownerDocument ? hostElement.ownerDocument.defaultView : globalThis;
    return view ? indexedDBBackend(view.indexedDB) : null;
  } catch {
    return null;
  }
}

function resolveStorage(storage, hostElement) {
  if (storage !== undefined) return storage;
  try {
    const view = hostElement && hostElement.ownerDocument ? hostElement.ownerDocument.defaultView : globalThis;
    return view ? view.localStorage : undefined;
  } catch {
    return undefined;
  }
}
