// A step view whose code comes later (the language-model steps: their views, charts and the code
// that runs the model sit in language-model-views.js, a chunk of its own, outside the first
// view's download; the single-file builds inline it). lib/mount-later.js shows "loading" while the
// chunk arrives, then the real view is mounted and draws the latest render; if the chunk cannot
// load, the step says so in words and the rest of the lesson works.
import { mountLater } from '../lib/mount-later.js';

/** A view module { mount } whose real view is `name` of language-model-views.js. */
export function lazyView(name) {
  return {
    mount(host, ctx) {
      let view = null, last = null;
      const later = mountLater(host, () => import('./language-model-views.js'), (mod) => mod[name].mount(host, ctx),
        { loading: 'Loading this step\u2019s model view\u2026', failed: 'This step could not be loaded' });
      later.start().then((v) => {
        view = v;
        if (view && last) view.render(...last);
      });
      return {
        render(...args) { last = args; view?.render(...args); },
        destroy() { later.destroy(); },
      };
    },
  };
}
