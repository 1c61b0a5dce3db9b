// offscreen-work.test.js — the queue of updates for elements away from the viewport
// (web/src/views/offscreen-work.js) on a fake window whose clock, timers, idle callbacks and
// IntersectionObserver the test drives: an update waits for a pause in the changes (QUIET_MS), or
// at most MAX_WAIT, then runs in idle time; the newest update per element wins; a scroll or a
// focus change runs it at once, and so does the element coming near the viewport.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watchNear, QUIET_MS, MAX_WAIT } from '../../web/src/views/offscreen-work.js';

function fakePage() {
  let now = 0, nextId = 1;
  const timers = new Map(); // id → { at, fn }
  const idle = []; // queued idle callbacks
  const listeners = { doc: {}, win: {} };
  let observerCallback = null;
  const win = {
    performance: { now: () => now },
    setTimeout(fn, ms) { const id = nextId++; timers.set(id, { at: now + ms, fn }); return id; },
    clearTimeout(id) { timers.delete(id); },
    requestIdleCallback(fn) { idle.push(fn); return nextId++; },
    addEventListener(type, fn) { (listeners.win[type] ??= []).push(fn); },
    IntersectionObserver: class { constructor(cb) { observerCallback = cb; } observe() {} unobserve() {} },
  };
  const doc = { defaultView: win, addEventListener(type, fn) { (listeners.doc[type] ??= []).push(fn); } };
  const element = () => ({ ownerDocument: doc });
  return {
    element,
    // move the clock, firing due timers in time order
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = end;
    },
    idleWaiting: () => idle.length,
    runIdle() { const fns = idle.splice(0); for (const fn of fns) fn({ didTimeout: false, timeRemaining: () => 50 }); },
    near(el, isIntersecting) { observerCallback([{ target: el, isIntersecting }]); },
    fire(where, type, event = {}) { for (const fn of listeners[where][type] ?? []) fn(event); },
    doc,
  };
}

test('a far update waits until the changes pause for QUIET_MS, then runs once in idle time, the newest one only', () => {
  const page = fakePage();
  const el = page.element();
  const w = watchNear(el);
  page.near(el, false);
  assert.equal(w.near, false);
  const ran = [];
  // a change every 50 ms (a drag, quick typing): nothing is handed to idle time while they go on
  for (let k = 0; k < 5; k++) {
    w.later(() => ran.push(k));
    page.advance(50);
    assert.equal(page.idleWaiting(), 0, `change ${k}: still waiting for a pause`);
  }
  page.advance(QUIET_MS - 50 - 1);
  assert.equal(page.idleWaiting(), 0, 'not before the pause is QUIET_MS long');
  page.advance(1);
  assert.equal(page.idleWaiting(), 1, 'the pause hands the queue to idle time');
  page.runIdle();
  assert.deepEqual(ran, [4], 'the newest update ran, once');
  page.runIdle();
  assert.deepEqual(ran, [4]);
});

test('changes that never pause still get their far update after MAX_WAIT', () => {
  const page = fakePage();
  const el = page.element();
  const w = watchNear(el);
  page.near(el, false);
  let runs = 0;
  let t = 0;
  while (page.idleWaiting() === 0 && t < 5 * MAX_WAIT) {
    w.later(() => { runs += 1; });
    page.advance(40);
    t += 40;
  }
  assert.ok(t >= MAX_WAIT && t <= MAX_WAIT + 40, `handed to idle time after ${t} ms of changes every 40 ms`);
  page.runIdle();
  assert.equal(runs, 1);
});

test('a scroll, a focus change or the element coming near runs the waiting update at once', () => {
  const page = fakePage();
  const el = page.element();
  const w = watchNear(el);
  page.near(el, false);
  const ran = [];
  w.later(() => ran.push('scroll'));
  page.fire('doc', 'scroll', { target: page.doc });
  assert.deepEqual(ran, ['scroll']);
  w.later(() => ran.push('focus'));
  page.fire('doc', 'focusin');
  assert.deepEqual(ran, ['scroll', 'focus']);
  w.later(() => ran.push('near'));
  page.near(el, true);
  assert.deepEqual(ran, ['scroll', 'focus', 'near']);
  // nothing is left for later: the pause's timer and idle time find an empty queue
  page.advance(QUIET_MS);
  page.runIdle();
  assert.deepEqual(ran, ['scroll', 'focus', 'near']);
});
