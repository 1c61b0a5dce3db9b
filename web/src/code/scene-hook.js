// The lesson's one hook for code panels: for a step listed in scene-code.js it mounts a code panel
// under the scene, gives the scene a recording engine, and after each render hands the panel the
// call the step's entry picks. Steps without an entry get null and are untouched. Small on
// purpose (it is in the first view): the panel's inside and the step's extra (the mistake lab's
// fourth bug) are separate chunks, loaded when the panel opens and when the step opens.
import { recordEngine } from './engine-recorder.js';
import { mountCodePanel } from './code-panel.js';
import { SCENE_CODE } from './scene-code.js';
import { figureStage } from './figure-stages.js';
import { domFor } from '../lib/dom.js';
import { mountLater } from '../lib/mount-later.js';

/**
 * → null | { engine, beforeRender(), afterRender(values), ready, destroy() }
 * sceneHost: where the scene draws; its heatmaps are linked to the code's stage lines both ways.
 */
export function codePanelHook(stepId, engine, host, sceneHost = null) {
  const spec = SCENE_CODE[stepId];
  if (!spec) return null;
  const { el } = domFor(host);
  const recorder = recordEngine(engine);
  const extraHost = spec.extra ? host.appendChild(el('div', { class: 'al-code-extra' })) : null;
  // The scene's figures ↔ the code: pointing at a line or a stage outlines the heatmaps that
  // show that stage; pointing at a heatmap lights its line (when the panel is open).
  const stageOf = (figure) => figureStage(figure.querySelector('.al-view-title')?.textContent, spec.figures);
  const figures = () => (sceneHost ? [...sceneHost.querySelectorAll('.al-heatmap')] : []);
  const outline = (stage) => {
    for (const f of figures()) f.classList.toggle('al-code-linked', stage !== null && stageOf(f) === stage);
  };
  const panel = mountCodePanel(host, { title: spec.title, onStage: outline });
  const linked = new WeakSet();
  const linkFigures = () => {
    for (const f of figures()) {
      if (linked.has(f)) continue;
      linked.add(f);
      const light = () => { const s = stageOf(f); if (s) panel.highlightStage(s); };
      f.addEventListener('mouseenter', light);
      f.addEventListener('focusin', light);
      f.addEventListener('mouseleave', () => panel.highlightStage(null));
      f.addEventListener('focusout', () => panel.highlightStage(null));
    }
  };
  let extra = null, lastValues = null;
  const safely = (fn) => {
    try { fn(); } catch (err) { console.error(err); } // a panel problem must never break the scene
  };
  const extraLater = spec.extra
    ? mountLater(extraHost, spec.extra, (m) => m.mountExtra(extraHost, { engine }), { loading: 'Loading the demonstration…', failed: 'The demonstration could not be loaded' })
    : null;
  const extraReady = extraLater?.start().then((x) => {
    extra = x;
    if (extra && lastValues) safely(() => extra.update(lastValues));
  });
  return {
    engine: recorder.engine,
    /** Resolves once the step's extra (if any) has loaded and drawn. */
    ready: extraReady ?? Promise.resolve(),
    beforeRender() { recorder.reset(); }, // calls made outside a render (event handlers) do not count
    afterRender(values) {
      const call = spec.pick(recorder.calls, values);
      recorder.reset();
      lastValues = values;
      safely(() => {
        linkFigures();
        extra?.update(values);
        if (call) panel.update(call.options, call.result, { tokens: spec.tokens(values, call) });
      });
    },
    destroy() { extraLater?.destroy(); panel.destroy(); },
  };
}
