// hash-mirror.js — keeps location.hash following the lesson's state without slowing the page:
// a history.replaceState is a same-document navigation that the browser process records too
// (measured in headless Chromium 156 during a slider drag: ~4 ms of browser-process CPU and up to
// tens of ms of blocked main thread per write, a third of all the CPU a drag used), and Chromium
// ignores history updates beyond 200 in 10 s. So a few quick changes (clicks) are written at once,
// and a continuous change (a drag, a held key) is written when it pauses, or once a second while it
// goes on. A hash set by someone else between a change and its delayed write is never overwritten.

export const HASH_BURST = 4; // writes within a second that go out at once
export const HASH_GAP_MS = 1000; // then: at most one write per this many ms while changes go on…
export const HASH_QUIET_MS = 150; // …or sooner, once no change came for this long

/**
 * Mirrors read() into win.location.hash. schedule(): the write waits for the current task (the
 * frame being drawn) to end; once HASH_BURST writes fell within the last second, the next one waits
 * until changes pause for HASH_QUIET_MS, and at most until HASH_GAP_MS after the previous write (it
 * writes the state as it is then, so the last change is never lost, only delayed). flush(): write a
 * pending change now (page hide, destroy).
 */
export function createHashMirror(win, read) {
  let timer = 0;
  const written = []; // times of recent writes
  // The hash as this mirror last left it. If it differs when a write is due, someone else set it
  // (a link, the back button, another script) and its hashchange event is on the way: writing
  // the state now would overwrite the learner's navigation, so that write is skipped.
  let ours = win.location.hash;
  const write = () => {
    timer = 0;
    if (win.location.hash !== ours) {
      ours = win.location.hash;
      return;
    }
    const h = read();
    if (win.location.hash === h) return;
    win.history.replaceState(null, '', h);
    ours = win.location.hash;
    const now = win.performance.now();
    written.push(now);
    while (written.length && written[0] < now - 1000) written.shift();
  };
  let due = 0; // when a held-back write must go out at the latest
  let holding = false; // a continuous change is going on: writes wait for a pause or the gap
  // Held back: write at `due`, or HASH_QUIET_MS after this change if that comes first. Every change
  // re-arms the timer, so a timer that fires at its quiet time means the changes paused.
  const hold = (now) => {
    const quiet = now + HASH_QUIET_MS < due;
    if (timer) win.clearTimeout(timer);
    timer = win.setTimeout(() => {
      write();
      if (quiet) { holding = false; written.length = 0; } // the change ended: the next click goes out at once
    }, Math.max(0, (quiet ? now + HASH_QUIET_MS : due) - now));
  };
  return {
    schedule() {
      const now = win.performance.now();
      if (!holding && written.filter((t) => t >= now - 1000).length < HASH_BURST) {
        if (!timer) timer = win.setTimeout(write, 0);
        return;
      }
      // a continuous change: wait for a pause, but not past the gap after the previous write
      if (!holding || !timer) due = (written[written.length - 1] ?? now) + HASH_GAP_MS;
      holding = true;
      hold(now);
    },
    flush() {
      if (!timer) return;
      win.clearTimeout(timer);
      holding = false;
      write();
    },
    // The page has read the hash someone else set (its hashchange handler ran): from now on the
    // hash is this mirror's again, so the next change is written. Without this, the first write
    // after a navigation was skipped as "someone else's", and with it a change the learner made
    // before that write ran (a typed number, seen in the browser tests).
    adopt() {
      ours = win.location.hash;
    },
  };
}
