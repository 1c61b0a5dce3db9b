// hash-mirror.js — keeps location.hash following the lesson's state without slowing the page:
// a history.replaceState costs the main thread a few ms, and Chromium ignores history updates beyond
// 200 in 10 s (a dragged slider would reach that in a few seconds). A hash set by someone else
// between a change and its delayed write is never overwritten.

export const HASH_BURST = 4;
export const HASH_GAP_MS = 120;

/**
 * Mirrors read() into win.location.hash. schedule(): the write waits for the current task (the
 * frame being drawn) to end; once HASH_BURST writes fell within the last second, the next one waits
 * until HASH_GAP_MS after the previous (it writes the state as it is then, so the last change is
 * never lost, only delayed). flush(): write a pending change now (page hide, destroy).
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
  return {
    schedule() {
      if (timer) return;
      const now = win.performance.now();
      const recent = written.filter((t) => t >= now - 1000).length;
      const wait = recent >= HASH_BURST ? Math.max(0, written[written.length - 1] + HASH_GAP_MS - now) : 0;
      timer = win.setTimeout(write, wait);
    },
    flush() {
      if (!timer) return;
      win.clearTimeout(timer);
      write();
    },
  };
}
