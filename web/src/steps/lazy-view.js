// A step view whose code comes later, from a chunk of its own outside the first view's download
// (the 200 KB budget): the language-model steps' views with the code that runs the model
// (language-model-views.js), and the views of the steps the lesson reaches last (later-views.js).
// The single-file builds inline those chunks. lib/mount-later.js shows "loading" while the chunk
// arrives, then the real view is mounted and draws the latest render; if the chunk cannot load,
// the step says so in words and the rest of the lesson works.
import { mountLater } from '../lib/mount-later.js';

/**
 * A view module { mount } whose real view is export `name` of the chunk `load()` imports.
 * `loading`: the words shown while it arrives.
 */
export function lazyView(load, name, loading = 'Loading this step\u2019s view\u2026') {
  return {
    mount(host, ctx) {
      let view = null, last = null;
      const later = mountLater(host, load, (mod) => mod[name].mount(host, ctx),
        { loading, failed: 'This step could not be loaded' });
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

/** A language-model step's view (language-model-views.js). */
export const languageModelView = (name) => lazyView(() => import('./language-model-views.js'), name, 'Loading this step\u2019s model view\u2026');
/** A view of a step near the end of the lesson (later-views.js). */
export const laterView = (name) => lazyView(() => import('./later-views.js'), name);
