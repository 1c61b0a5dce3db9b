// <attention-lesson>: the whole lesson (or some steps of it) as one custom element, for course
// authors who include one script: <script src=".../attention-lesson.js" defer></script>.
// Each element owns a shadow root holding the lesson and its stylesheets (<link>s next to this
// script, so a strict CSP needs no inline style or script); all elements on a page share one
// engine. Attributes (all optional, read again when they change):
//   steps="worked-example softmax"  a subset of steps, in lesson order (space- or comma-separated)
//   step="softmax"                  the starting step
//   sentence="The bank of the river" the starting sentence of the steps that take one (plain text)
//   heads="2"                       the starting number of heads where a step has that input
//   hide="nav footer"               parts to hide: nav table progress footer title objective text try takeaway quiz
//   quiz="off"                      no quiz (default on)
//   quiz-id="week3"                 where quiz progress is saved (default: the element's id, or its position)
//   label="…"                       the accessible name of the lesson region
//   actor="learner@example.org"     who the xAPI statements are about (an e-mail, or an xAPI Agent as JSON;
//                                   or set element.actor = { … } in script); default: an anonymous account
//   activity-base="https://…"       base IRI of the xAPI activity ids (then /<quiz id>/question/<id>)
//   lrs-endpoint="https://…"        also send every statement to this LRS (lrs-auth: its Authorization value)
//   theme="dark" | "light"          force a colour theme (default: the reader's system setting)
// Events (bubbling, composed, from the element): lesson-ready, lesson-answered, lesson-completed
// (detail: an xAPI-shaped statement). Parts: see PARTS. Docs: docs/EMBEDDING.md.
import { mountLesson } from '../lesson.js';
import { createQuiz } from '../quiz/quiz.js';
import { ASSETS, SCRIPT_URL, assetUrl, sharedEngine } from './assets.js';
import { lessonOptions, readOptions, xapiQuizOptions } from './options.js';
import { parseActor } from '../quiz/events.js';
import { connectLrs } from './lrs.js';

const TAG = 'attention-lesson';
const ATTRS = ['steps', 'step', 'sentence', 'heads', 'hide', 'quiz', 'quiz-id', 'label', 'actor', 'activity-base', 'lrs-endpoint', 'lrs-auth'];

// A page opened from disk cannot fetch the engine's .wasm files (browsers forbid it), unless the
// single-file build inlined them.
const FROM_DISK = 'This lesson cannot start on a page opened as a file from your disk: browsers do not let it load its maths engine (the .wasm files) there. Serve the folder with a web server (for example python3 -m http.server in the folder, then open http://localhost:8000/), or open attention-lesson.html, the whole lesson in one file made for opening from disk.';
function openedFromDisk() {
  return /^file:/.test(SCRIPT_URL ?? '') && !globalThis.ATTENTION_LESSON_WASM;
}

// ::part names → the lesson's elements that carry them.
export const PARTS = {
  container: '.al-embed',
  lesson: '.al-root',
  header: '.al-header',
  progress: '.al-progress',
  nav: '.al-nav',
  step: '.al-step',
  title: '.al-step-title',
  text: '.al-text',
  scene: '.al-scene',
  try: '.al-try-box',
  takeaway: '.al-takeaway',
  quiz: '.al-quiz-host',
  footer: '.al-footer',
  'button prev': '.al-prev',
  'button next': '.al-next',
};

// The KaTeX @font-face rules must live in the document: fonts declared inside a shadow root are
// not used. One <link> per document, next to this script.
function ensureDocumentFonts(doc) {
  if (doc.querySelector('link[data-attention-lesson-fonts]')) return;
  const link = doc.createElement('link');
  link.rel = 'stylesheet';
  link.href = assetUrl('katexFonts');
  link.dataset.attentionLessonFonts = '';
  doc.head.append(link);
}

function stylesheet(doc, href) {
  const link = doc.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  const loaded = new Promise((resolve) => {
    link.addEventListener('load', resolve, { once: true });
    link.addEventListener('error', () => {
      console.error(`<${TAG}>: could not load the stylesheet ${href}.`);
      resolve();
    }, { once: true });
  });
  return { link, loaded };
}

// (outside a browser, e.g. a framework rendering on the server, there is no HTMLElement: the
// module then loads and defines nothing)
const Base = globalThis.HTMLElement ?? class {};

export class AttentionLessonElement extends Base {
  static get observedAttributes() { return ATTRS; }

  #container;
  #styles;
  #lesson = null;
  #generation = 0;
  #pending = false;
  #ready;
  #resolveReady;
  #actor = null;

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: 'open' });
    const doc = this.ownerDocument;
    const katex = stylesheet(doc, assetUrl('katexCss'));
    const own = stylesheet(doc, assetUrl('elementCss'));
    this.#styles = Promise.all([katex.loaded, own.loaded]);
    this.#container = doc.createElement('div');
    this.#container.className = 'al-embed';
    this.#container.setAttribute('part', 'container');
    this.#container.setAttribute('role', 'region');
    this.#container.style.visibility = 'hidden'; // until the stylesheets are in
    shadow.append(katex.link, own.link, this.#container);
    this.#newReady();
  }

  #newReady() {
    this.#ready = new Promise((resolve, reject) => { this.#resolveReady = { resolve, reject }; });
    this.#ready.catch(() => {}); // an unobserved failure is reported by the state attribute
  }

  /** A promise of the mounted lesson ({ goTo, state, engine, quiz, root, destroy }). */
  get ready() { return this.#ready; }
  /** The mounted lesson, or null while loading. */
  get lesson() { return this.#lesson; }
  /** The xAPI Agent the statements are about (set in script; wins over the actor attribute). */
  get actor() { return this.#actor; }
  set actor(value) {
    const { actor, problem } = parseActor(value);
    if (problem) console.warn(`<${TAG}>: ${problem}`);
    this.#actor = actor;
    if (this.isConnected) this.#schedule();
  }

  /** Go to a step by id; false when the step is not shown here. */
  goTo(stepId) { return this.#lesson ? this.#lesson.goTo(stepId) : false; }

  connectedCallback() {
    ensureDocumentFonts(this.ownerDocument);
    this.#schedule();
  }

  disconnectedCallback() {
    this.#generation += 1;
    this.#unmount();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    if (name === 'label') this.#container.setAttribute('aria-label', this.#label());
    else if (this.isConnected) this.#schedule();
  }

  #label() {
    return (this.getAttribute('label') || 'Interactive lesson: self-attention').slice(0, 200);
  }

  // Several attribute changes in one task cause one remount.
  #schedule() {
    if (this.#pending) return;
    this.#pending = true;
    queueMicrotask(() => {
      this.#pending = false;
      if (this.isConnected) this.#mount();
    });
  }

  #unmount() {
    this.#lesson?.destroy();
    this.#lesson = null;
    this.#container.replaceChildren();
  }

  // The author's quiz id (quiz-id, else the element's id), else its position on the page.
  #quizId() {
    const given = (this.getAttribute('quiz-id') || this.id || '').replace(/[^\w.~-]/g, '-').slice(0, 64);
    if (given) return given;
    const all = Array.from(this.ownerDocument.querySelectorAll(TAG));
    return `element-${Math.max(0, all.indexOf(this))}`;
  }

  async #mount() {
    const generation = (this.#generation += 1);
    if (this.#lesson) {
      this.#unmount();
      this.#newReady();
    }
    const read = readOptions((name) => this.getAttribute(name));
    for (const p of read.problems) console.warn(`<${TAG}${this.id ? `#${this.id}` : ''}>: ${p}`);
    this.#container.setAttribute('aria-label', this.#label());
    this.#container.dataset.alHide = read.hide.join(' ');
    this.setAttribute('state', 'loading');
    if (openedFromDisk()) {
      this.#container.style.visibility = '';
      const p = this.ownerDocument.createElement('p');
      p.className = 'al-notice';
      p.setAttribute('role', 'alert');
      p.textContent = FROM_DISK;
      this.#container.replaceChildren(p);
      this.setAttribute('state', 'error');
      this.#resolveReady.reject(new Error(FROM_DISK));
      return;
    }
    const engine = sharedEngine(SCRIPT_URL);
    await this.#styles;
    if (generation !== this.#generation) return;
    this.#container.style.visibility = '';
    let lesson;
    try {
      lesson = await mountLesson(this.#container, lessonOptions(read, {
        engine, createQuiz,
        quizOptions: {
          namespace: `element-${this.#quizId()}`, ...xapiQuizOptions(read, this.#quizId()),
          ...(this.#actor ? { actor: this.#actor } : {}),
        },
      }));
    } catch (err) {
      if (generation !== this.#generation) return;
      this.setAttribute('state', 'error');
      this.#resolveReady.reject(err);
      console.error(err);
      return;
    }
    if (generation !== this.#generation) {
      lesson.destroy();
      return;
    }
    this.#lesson = lesson;
    connectLrs(lesson.quiz, read.xapi.lrs, { onProblem: (t) => console.warn(`<${TAG}>: ${t}`) });
    for (const [part, selector] of Object.entries(PARTS)) {
      for (const node of this.#container.querySelectorAll(selector)) node.setAttribute('part', part);
    }
    this.#container.setAttribute('part', 'container');
    this.setAttribute('state', 'ready');
    this.#resolveReady.resolve(lesson);
    this.dispatchEvent(new CustomEvent('lesson-ready', {
      bubbles: true, composed: true, detail: { steps: read.steps ?? null, step: lesson.state().step },
    }));
  }
}

if (globalThis.customElements && !customElements.get(TAG)) customElements.define(TAG, AttentionLessonElement);
// For authors who want the file names (e.g. to preload the engine): the built asset map.
AttentionLessonElement.assets = ASSETS;
