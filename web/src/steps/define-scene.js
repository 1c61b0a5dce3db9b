// define-scene.js — turns a scene folder (NN-name/{inputs.js, model.js, view.js}) into the object
// the lesson mounts: every scene has { id, title, number, inputs, defaults(), mount() }.
// See docs/ARCHITECTURE.md, "Scene contract".
import { schemaDefaults } from '../state.js';

/**
 * A scene from its folder: `inputs` (the schema), `model(values, engine)` (pure: every number and
 * sentence the step shows) and `view.mount(host, ctx)` → { render(model, values, state), destroy }.
 */
export function defineScene(info, { inputs, model, view }) {
  return {
    ...info,
    inputs,
    model,
    defaults: () => schemaDefaults(inputs),
    mount(host, ctx) {
      const v = view.mount(host, ctx);
      return {
        render(values, state) { v.render(model(values, ctx.engine), values, state); },
        destroy() { v.destroy?.(); },
      };
    },
  };
}
