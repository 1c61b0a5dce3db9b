// The lesson's one hook for code panels: for a step listed in scene-code.js it mounts a code panel
// under the scene, gives the scene a recording engine, and after each render shows the call the
// step's entry picks. Steps without an entry get null and are untouched.
import { recordEngine } from './engine-recorder.js';
import { mountCodePanel } from './code-panel.js';
import { SCENE_CODE } from './scene-code.js';

/** → null | { engine, beforeRender(), afterRender(values), destroy() } */
export function codePanelHook(stepId, engine, host) {
  const spec = SCENE_CODE[stepId];
  if (!spec) return null;
  const recorder = recordEngine(engine);
  const extra = spec.extra ? spec.extra(host, { engine }) : null;
  const panel = mountCodePanel(host, { title: spec.title });
  return {
    engine: recorder.engine,
    beforeRender() { recorder.reset(); }, // calls made outside a render (event handlers) do not count
    afterRender(values) {
      const call = spec.pick(recorder.calls, values);
      recorder.reset();
      try {
        extra?.update(values);
        if (!call) return;
        const tokens = spec.tokens(values, call);
        panel.update(call.options, call.result, { tokens });
      } catch (err) {
        console.error(err); // a panel problem must never break the scene
      }
    },
    destroy() { extra?.destroy(); panel.destroy(); },
  };
}
