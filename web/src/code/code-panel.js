// The code panel a scene shows under its figures, as a disclosure ("The same computation in
// code"). Closed, it only keeps the scene's latest engine call; the first time it opens it loads
// its inside (code-panel-body.js: the generators, tabs, stages, copy and notebook download), a
// separate chunk in the hosted builds, so none of that is part of the lesson's first view.
import { domFor } from '../lib/dom.js';
import { mountLater } from '../lib/mount-later.js';

/**
 * mountCodePanel(host, { title, onStage }) → { update(options, result, meta), highlightStage(id | null), element, ready, destroy() }
 *   options/result: the scene's engine.attention call and its answer; meta: { tokens, title }.
 *   onStage(id | null): told when the learner points at a stage or a stage's line.
 *   ready: a promise for the loaded inside (resolves once the panel has been opened).
 */
export function mountCodePanel(host, { title = 'Self-attention', onStage = () => {} } = {}) {
  const { el } = domFor(host);
  const inside = el('div', { class: 'al-code-inside' });
  const element = el('details', { class: 'al-code-panel', 'data-testid': 'code-panel' },
    el('summary', {}, 'The same computation in code: Python, NumPy, PyTorch'), inside);
  host.append(element);

  let pending = null; // the latest call while the panel is closed or its inside is loading
  let body = null;
  const later = mountLater(inside, () => import('./code-panel-body.js'), (m) => m.mountCodePanelBody(inside, { title, onStage }), {
    loading: 'Loading the code…',
    failed: 'The code could not be loaded',
  });

  const open = () => {
    later.start().then((b) => {
      body = b;
      if (body && pending && element.open) { const p = pending; pending = null; body.show(...p); }
    });
  };
  element.addEventListener('toggle', () => { if (element.open) open(); });

  return {
    element,
    get ready() { return later.ready; },
    update(options, result, meta = {}) {
      pending = [options, result, meta];
      if (element.open) open();
    },
    highlightStage(stage) { body?.highlightStage(stage); },
    destroy() { later.destroy(); element.remove(); },
  };
}
