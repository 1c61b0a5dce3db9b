// Mounts a part of the page whose code comes later, as its own chunk: `load` is a dynamic
// import(), which esbuild splits out of the hosted builds (fetched on demand, outside the first
// view) and inlines into the single-file ones (nothing to fetch from file://). While the chunk
// loads, the host shows a short status line; if it cannot load (offline, a blocked request), the
// line says so in words and the next start() tries again.
import { domFor } from './dom.js';

/**
 * mountLater(host, load, mount, { loading, failed }) → { start(), ready, destroy() }
 *   load(): a promise for the module; mount(module): what to build with it (kept, and destroyed
 *   with destroy() if it has a destroy method). start() begins loading (once) and resolves with
 *   mount's value, or null if the load failed or destroy() came first.
 */
export function mountLater(host, load, mount, { loading = 'Loading…', failed = 'This part could not be loaded' } = {}) {
  const { el } = domFor(host);
  let started = null, destroyed = false, note = null, value = null;

  function start() {
    started ??= (async () => {
      note?.remove();
      note = el('p', { class: 'al-note', role: 'status' }, loading);
      host.append(note);
      try {
        const module = await load();
        if (destroyed) return null;
        note.remove();
        note = null;
        value = mount(module);
        return value;
      } catch (err) {
        if (destroyed) return null;
        note.className = 'al-message';
        note.textContent = `${failed} (${err?.message ?? err}). Check the connection, then close and open it again or reload the page.`;
        started = null; // the next start() tries again
        return null;
      }
    })();
    return started;
  }

  return {
    start,
    get ready() { return started ?? Promise.resolve(value); },
    destroy() {
      destroyed = true;
      value?.destroy?.();
      note?.remove();
    },
  };
}
