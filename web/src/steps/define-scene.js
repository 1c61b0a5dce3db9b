// define-scene.js — turns a scene folder (NN-name/{inputs.js, model.js, view.js}) into the object
// the lesson mounts, and wraps scenes that still follow the older one-file contract. The lesson
// never sees the difference: every scene has { id, title, number, inputs, defaults(), mount() }.
// See docs/ARCHITECTURE.md, "Scene contract".
import { schemaDefaults, schemaFromDefaults } from '../state.js';

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

/**
 * A scene still written as one module { defaults(), mount(host, ctx) → { render(values, state) } }
 * (steps not yet moved into a folder). Its schema only knows each input's JSON type; the scene
 * checks ranges itself. Temporary: remove once every step is a folder.
 */
export function legacyScene(info, module) {
  const scene = {
    ...info,
    defaults: () => module.defaults(),
    mount: (host, ctx) => module.mount.call(scene, host, ctx),
  };
  scene.inputs = schemaFromDefaults(module.defaults());
  return scene;
}
