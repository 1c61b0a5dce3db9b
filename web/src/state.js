// The lesson's one plain state object: creating it, changing it, and its round trip through the
// URL hash (so a copied link reproduces exactly what a learner sees). No DOM here.

// state = { step: stepId, scenes: { [stepId]: { ...only what differs from the defaults } },
//           ui: { table: boolean } }
export function createState(steps, initial = {}) {
  const ids = steps.map((s) => s.id);
  return {
    step: ids.includes(initial.step) ? initial.step : ids[0],
    scenes: {},
    ui: { table: false },
  };
}

// The full inputs of one scene: its defaults overlaid with what the learner changed.
export function sceneInputs(state, step) {
  return { ...step.defaults(), ...(state.scenes[step.id] ?? {}) };
}

// Stores only the keys that differ from the defaults, so links stay short.
export function setSceneInputs(state, step, patch) {
  const defaults = step.defaults();
  const next = { ...(state.scenes[step.id] ?? {}), ...patch };
  for (const key of Object.keys(next)) {
    if (JSON.stringify(next[key]) === JSON.stringify(defaults[key])) delete next[key];
  }
  if (Object.keys(next).length) state.scenes[step.id] = next;
  else delete state.scenes[step.id];
}

// "#step=worked-example&worked-example={...}&table=1"
export function toHash(state) {
  const p = new URLSearchParams();
  p.set('step', state.step);
  for (const [id, inputs] of Object.entries(state.scenes)) p.set(id, JSON.stringify(inputs));
  if (state.ui.table) p.set('table', '1');
  return '#' + p.toString();
}

// Reads a hash into a state. Unknown steps and unreadable scene values are dropped, and a
// sentence saying so is returned in `problems` (the lesson shows it), never thrown.
export function fromHash(hash, steps) {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const state = createState(steps);
  const problems = [];
  const text = (hash ?? '').replace(/^#/, '');
  if (!text) return { state, problems };
  const p = new URLSearchParams(text);
  const step = p.get('step');
  if (step !== null) {
    if (byId.has(step)) state.step = step;
    else problems.push(`The link asked for a step called "${step.slice(0, 40)}", which this lesson does not have, so it opens at the start.`);
  }
  for (const [key, value] of p) {
    if (key === 'step' || key === 'table') continue;
    const s = byId.get(key);
    if (!s) continue;
    try {
      const parsed = JSON.parse(value);
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      const defaults = s.defaults();
      const kept = {};
      for (const [k, v] of Object.entries(parsed)) {
        if (k in defaults && typeof v === typeof defaults[k] && Array.isArray(v) === Array.isArray(defaults[k])) kept[k] = v;
      }
      if (Object.keys(kept).length) state.scenes[key] = kept;
    } catch {
      problems.push(`The link's settings for "${s.title}" could not be read, so that step shows its starting values.`);
    }
  }
  state.ui.table = p.get('table') === '1';
  return { state, problems };
}
