// offscreen-work.js — lets a view leave work for later while its element is away from the viewport:
// whether an element is near the viewport (within MARGIN px, one IntersectionObserver per document),
// and a queue of updates run in idle time (last one per key wins). A typed word in the multi-head
// step at 64 tokens changes nine 64 × 64 heatmaps and nine 16 × 16 tables; the learner sees one or
// two of them. Queued updates wait until the changes pause for QUIET_MS (a drag, a held key or
// quick typing makes one change per frame, and filling far tables between them cost the next
// change its frame; at most MAX_WAIT ms after the first one waiting), then run as soon as the main
// thread is idle (at the latest after IDLE_TIMEOUT ms). They run at once when the page scrolls,
// the keyboard focus moves or the page prints (so nothing stale is ever painted or reached), and
// when their element comes near the viewport.
// Loaded as a chunk of its own (outside the first view) by the views that use it; DOM only.

export const MARGIN = 128; // px: about one wheel step, so a scrolled-in heatmap is already drawn
export const QUIET_MS = 150; // ms without a new queued update before the queue is worked off…
export const MAX_WAIT = 1000; // …or this long after the first update that waits, if changes go on
const IDLE_TIMEOUT = 200; // ms

const pages = new WeakMap(); // document → { observer, watched: Map(element → watch), queue: Map(watch → fn) }

function pageOf(doc) {
  let p = pages.get(doc);
  if (p) return p;
  const win = doc.defaultView;
  p = { watched: new Map(), queue: new Map(), idle: 0, quiet: 0, since: null, observer: null, win };
  p.observer = new win.IntersectionObserver((entries) => {
    for (const e of entries) {
      const w = p.watched.get(e.target);
      if (!w) continue;
      w.near = e.isIntersecting;
      if (w.near) { runQueued(p, w); w.onNear?.(); }
    }
  }, { rootMargin: `${MARGIN}px 0px` });
  const flushAll = () => { for (const w of [...p.queue.keys()]) runQueued(p, w); };
  // A scroll of the page or of a box holding a waiting element (not, say, the sentence box's own
  // text scrolling as the learner types).
  const onScroll = (e) => {
    for (const w of [...p.queue.keys()]) if (e.target === doc || e.target.contains?.(w.element)) runQueued(p, w);
  };
  doc.addEventListener('scroll', onScroll, { capture: true, passive: true });
  doc.addEventListener('focusin', flushAll, true);
  win.addEventListener('beforeprint', () => { flushAll(); for (const w of p.watched.values()) w.onNear?.(); });
  pages.set(doc, p);
  return p;
}

function runQueued(p, w) {
  const fn = p.queue.get(w);
  if (!fn) return;
  p.queue.delete(w);
  fn();
}

// A queued update (re)starts the wait for a pause; when it ends, the queue goes to idle time.
function schedulePause(p) {
  const { win } = p;
  const now = win.performance.now();
  p.since ??= now;
  if (p.quiet) win.clearTimeout(p.quiet);
  p.quiet = win.setTimeout(() => {
    p.quiet = 0;
    p.since = null;
    scheduleIdle(p);
  }, Math.max(0, Math.min(QUIET_MS, p.since + MAX_WAIT - now)));
}

function scheduleIdle(p) {
  if (p.idle || !p.queue.size) return;
  const { win } = p;
  const run = (deadline) => {
    p.idle = 0;
    for (const w of [...p.queue.keys()]) {
      if (deadline && !deadline.didTimeout && deadline.timeRemaining() < 1) break;
      runQueued(p, w);
    }
    scheduleIdle(p);
  };
  p.idle = win.requestIdleCallback ? win.requestIdleCallback(run, { timeout: IDLE_TIMEOUT }) : win.setTimeout(run, 50);
}

/**
 * watchNear(element, onNear) → { near (getter), later(fn), now(), stop() }, or null without
 * IntersectionObserver (then the caller does all its work at once).
 * near: whether the element is within MARGIN px of the viewport (true until first observed).
 * onNear(): called when it comes near, and before the page prints.
 * later(fn): run fn once the changes pause, in idle time, or sooner (see the top), replacing this
 *   element's queued fn.
 * now(): drop the queued fn (the caller is about to do that work itself).
 * stop(): stop watching; a queued fn is dropped.
 */
export function watchNear(element, onNear) {
  const doc = element.ownerDocument;
  if (!doc?.defaultView?.IntersectionObserver) return null;
  const p = pageOf(doc);
  const w = { near: true, onNear, element };
  p.watched.set(element, w);
  p.observer.observe(element);
  return {
    get near() { return w.near; },
    later(fn) {
      p.queue.set(w, fn);
      schedulePause(p);
    },
    now() { p.queue.delete(w); },
    stop() {
      p.observer.unobserve(element);
      p.watched.delete(element);
      p.queue.delete(w);
    },
  };
}
