// hash-mirror.test.js — the URL hash follows the state after the frame, at most a few times a
// second during a drag (or as soon as the drag pauses), and never loses the last change
// (web/src/hash-mirror.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHashMirror, HASH_BURST, HASH_GAP_MS, HASH_QUIET_MS } from '../../web/src/hash-mirror.js';

// A window with a clock and timers driven by the test.
function fakeWindow() {
  let now = 0;
  let timers = [];
  const win = {
    location: { hash: '' },
    writes: [],
    performance: { now: () => now },
    history: { replaceState(_s, _t, h) { win.location.hash = h; win.writes.push({ at: now, h }); } },
    setTimeout(fn, ms = 0) { const t = { fn, at: now + ms }; timers.push(t); return timers.length; },
    clearTimeout(id) { if (timers[id - 1]) timers[id - 1].fn = null; },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = timers.filter((t) => t.fn && t.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        now = Math.max(now, due.at);
        const fn = due.fn;
        due.fn = null;
        fn();
      }
      now = end;
    },
  };
  return win;
}

test('a single change is written after the current task, not during it', () => {
  const win = fakeWindow();
  let state = '#step=softmax';
  const m = createHashMirror(win, () => state);
  m.schedule();
  assert.equal(win.location.hash, '', 'not yet: the frame is still being drawn');
  win.advance(0);
  assert.equal(win.location.hash, '#step=softmax');
  state = '#step=softmax';
  m.schedule();
  win.advance(0);
  assert.equal(win.writes.length, 1, 'an unchanged hash is not written again');
});

test('a 60 Hz drag writes at most a burst and then one write per gap, and the last state is kept', () => {
  const win = fakeWindow();
  let k = 0;
  const m = createHashMirror(win, () => `#step=sentence&sentence={"query":${k}}`);
  for (k = 1; k <= 600; k += 1) { // ten seconds of one change per frame
    m.schedule();
    win.advance(1000 / 60);
  }
  k -= 1;
  win.advance(HASH_GAP_MS);
  assert.equal(win.location.hash, `#step=sentence&sentence={"query":${k}}`, 'the final state reaches the URL');
  assert.ok(win.writes.length <= HASH_BURST + Math.ceil(10000 / HASH_GAP_MS) + 1, `${win.writes.length} writes in 10 s`);
  assert.ok(win.writes.length < 200, 'below the 200 per 10 s that Chromium accepts');
  for (let i = HASH_BURST; i < win.writes.length; i += 1) {
    assert.ok(win.writes[i].at - win.writes[i - 1].at >= HASH_GAP_MS - 1e-9 || win.writes[i].at - win.writes[i - HASH_BURST].at >= 1000,
      `write ${i} at ${win.writes[i].at} ms keeps its distance`);
  }
});

test('a drag that pauses is written once it pauses, and the next click after the pause at once', () => {
  const win = fakeWindow();
  let k = 0;
  const m = createHashMirror(win, () => `#q=${k}`);
  for (k = 1; k <= 30; k += 1) { // half a second of one change per frame
    m.schedule();
    win.advance(1000 / 60);
  }
  k -= 1;
  assert.equal(win.writes.length, HASH_BURST, 'only the first changes went out during the drag');
  const stopped = win.performance.now();
  win.advance(HASH_QUIET_MS);
  assert.equal(win.location.hash, `#q=${k}`, 'the pause wrote the final state');
  assert.ok(win.writes.at(-1).at - stopped <= HASH_QUIET_MS, 'within the quiet time, not the whole gap');
  const count = win.writes.length;
  k = 99;
  m.schedule();
  win.advance(0);
  assert.equal(win.location.hash, '#q=99', 'a change after the pause is written after the current task');
  assert.equal(win.writes.length, count + 1);
});

test('a few quick changes (clicks) are each written at once; flush writes a pending change now', () => {
  const win = fakeWindow();
  let state = '#a';
  const m = createHashMirror(win, () => state);
  for (const s of ['#a', '#b', '#c']) { state = s; m.schedule(); win.advance(30); }
  assert.deepEqual(win.writes.map((w) => w.h), ['#a', '#b', '#c']);
  state = '#d'; m.schedule(); win.advance(5);
  state = '#e'; m.schedule(); // after a burst of four: waits for the gap
  assert.equal(win.location.hash, '#d');
  m.flush();
  assert.equal(win.location.hash, '#e', 'flush (page hide) does not lose the change');
  win.advance(1000);
  assert.equal(win.writes.length, 5, 'the cancelled timer does not write again');
});

test('a hash set by a link while a write is pending is not overwritten: the navigation wins', () => {
  const win = fakeWindow();
  let state = '#step=softmax';
  const m = createHashMirror(win, () => state);
  m.schedule();
  win.advance(0);
  assert.equal(win.location.hash, '#step=softmax');
  // the state changes, and before its write runs the learner follows a link
  state = '#step=softmax&softmax=%7B%22x%22%3A1%7D';
  m.schedule();
  win.location.hash = '#step=worked-example'; // (its hashchange event comes later)
  win.advance(1000);
  assert.equal(win.location.hash, '#step=worked-example', 'the link is kept');
  // once the page has read the link, its own changes are written again
  state = '#step=worked-example&worked-example=%7B%7D';
  m.schedule();
  win.advance(1000);
  assert.equal(win.location.hash, state);
});

// After the page has read a link (its hashchange handler calls adopt()), a change the learner
// makes at once is written: the first write after a navigation was skipped as "someone else's",
// and the change in it was lost (a number typed right after a step change stayed out of the URL).
test('a change right after the page read a link is written', () => {
  const win = fakeWindow();
  let state = '#step=softmax';
  const m = createHashMirror(win, () => state);
  m.schedule();
  win.advance(0);
  win.location.hash = '#step=worked-example'; // a link; the page reads it:
  m.adopt();
  state = '#step=worked-example&worked-example=%7B%22x%22%3A2%7D';
  m.schedule();
  win.advance(0);
  assert.equal(win.location.hash, state);
});
