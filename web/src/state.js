// The lesson's one plain state object: creating it, changing it, its round trip through the URL
// hash, and the one place where scene inputs are checked against their schema (steps/NN-name/
// inputs.js). Every way a value can arrive — a link, saved storage, an embedding's attributes, the
// quiz asking for a scene's inputs, a view's own patch — goes through validateInputs(), which
// returns usable values plus problems in words a learner can read. Nothing is dropped silently.
// No DOM here.
import { MINUS } from './lib/format.js';

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

// ---- reading one value -----------------------------------------------------------------------

const say = (v) => String(v).replace('-', MINUS);
const quoteText = (t) => `\u201C${String(t).slice(0, 30)}${String(t).length > 30 ? '\u2026' : ''}\u201D`;
const kindOf = (v) => (v === null ? 'empty (null)' : Array.isArray(v) ? 'a list' : typeof v === 'string' ? `the text ${quoteText(v)}` : typeof v === 'object' ? 'a group of settings' : typeof v === 'boolean' ? `${v ? 'true' : 'false'} (on/off)` : typeof v === 'number' ? `the number ${say(v)}` : typeof v);

/**
 * A number from a JSON value or from text (an element attribute, a typed field). Accepts "−1.5"
 * (true minus), " 2 " and a decimal comma ("0,5" → 0.5, said so); refuses ±Infinity, NaN, text
 * that is not a number, and anything else. → { value: number } | { problem: string }, plus `note`
 * when the value was read from text.
 */
export function readNumberValue(raw) {
  if (typeof raw === 'number') {
    if (Number.isNaN(raw)) return { problem: 'is not a number' };
    if (!Number.isFinite(raw)) return { problem: `is ${raw > 0 ? '' : 'minus '}infinity (too large to use)` };
    return { value: raw };
  }
  if (typeof raw !== 'string') return { problem: `is ${kindOf(raw)}, not a number` };
  const s = raw.trim().replace(/^\u2212/, '-');
  if (s === '') return { problem: 'is empty' };
  if (/^[-+]?\d+,\d+$/.test(s)) {
    const value = Number(s.replace(',', '.'));
    return { value, note: `${quoteText(raw)} has a decimal comma and was read as ${say(value)}` };
  }
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) {
    const value = Number(s);
    if (!Number.isFinite(value)) return { problem: `(${quoteText(raw)}) is too large to use` };
    return { value, note: `the text ${quoteText(raw)} was read as the number ${say(value)}` };
  }
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) return { problem: `(${quoteText(raw)}) uses commas in a way that could mean two numbers; write it with a decimal point` };
  return { problem: `is ${kindOf(raw)}, not a number` };
}

// One input of a schema → { ok: true, value, notes: [] } | { ok: false, problem }.
function readOne(spec, raw, name) {
  const label = spec.label ?? name;
  switch (spec.type) {
    case 'number': {
      const r = readNumberValue(raw);
      if ('problem' in r) return { ok: false, problem: `The ${label} ${r.problem}` };
      const notes = r.note ? [`The ${label}: ${r.note}.`] : [];
      let v = r.value;
      if (spec.integer && !Number.isInteger(v)) return { ok: false, problem: `The ${label} (${say(v)}) must be a whole number` };
      const min = spec.min ?? -Infinity, max = spec.max ?? Infinity;
      if (v < min || v > max) {
        const c = Math.min(max, Math.max(min, v));
        const d = spec.say ?? say;
        if (!spec.quietClamp) notes.push(`The ${label} goes from ${spec.rangeText ?? `${d(min)} to ${d(max)}`}, so ${d(v)} became ${d(c)}.`);
        v = c;
      }
      return { ok: true, value: v, notes };
    }
    case 'boolean':
      if (typeof raw === 'boolean') return { ok: true, value: raw, notes: [] };
      if (raw === 'true' || raw === 'false') return { ok: true, value: raw === 'true', notes: [] };
      return { ok: false, problem: `The ${label} should be on or off, but it is ${kindOf(raw)}` };
    case 'choice':
      if (spec.choices.includes(raw)) return { ok: true, value: raw, notes: [] };
      return { ok: false, problem: `The ${label} is ${kindOf(raw)}, which is not one of ${spec.choices.map((c) => spec.choiceLabels?.[c] ?? (c === '' ? '(nothing)' : String(c))).join(', ')}` };
    case 'text': {
      if (typeof raw !== 'string') return { ok: false, problem: `The ${label} should be text, but it is ${kindOf(raw)}` };
      const max = spec.maxLength ?? 2000;
      if (raw.length > max) return { ok: true, value: raw.slice(0, max), notes: [`The ${label} was cut to its first ${max} characters.`] };
      return { ok: true, value: raw, notes: [] };
    }
    case 'numbers': {
      if (!Array.isArray(raw)) return { ok: false, problem: `The ${label} should be a list of numbers, but it is ${kindOf(raw)}` };
      const minLength = spec.length ?? spec.minLength ?? 0;
      const maxLength = spec.length ?? spec.maxLength ?? Infinity;
      if (raw.length < minLength || raw.length > maxLength) {
        const want = spec.length !== undefined ? `${spec.length}` : `${minLength} to ${maxLength}`;
        return { ok: false, problem: `The ${label} should have ${want} numbers, but it has ${raw.length}` };
      }
      const out = [], notes = [];
      const min = spec.min ?? -Infinity, max = spec.max ?? Infinity;
      for (let i = 0; i < raw.length; i++) {
        const where = entryName(spec, i);
        const r = readNumberValue(raw[i]);
        if ('problem' in r) return { ok: false, problem: `In the ${label}, ${where} ${r.problem}` };
        if (r.note) notes.push(`In the ${label}, ${where}: ${r.note}.`);
        let v = r.value;
        if (v < min || v > max) {
          const c = Math.min(max, Math.max(min, v));
          notes.push(`In the ${label}, ${where} is ${say(v)}, but entries go from ${say(min)} to ${say(max)}, so it became ${say(c)}.`);
          v = c;
        }
        out.push(v);
      }
      return { ok: true, value: out, notes: notes.length > 3 ? [...notes.slice(0, 3), `(${notes.length - 3} more entries of the ${label} were changed the same way.)`] : notes };
    }
    case 'indices': {
      if (!Array.isArray(raw)) return { ok: false, problem: `The ${label} should be a list, but it is ${kindOf(raw)}` };
      const kept = [...new Set(raw.filter((v) => Number.isInteger(v) && v >= 0 && v < spec.count))].sort((a, b) => a - b);
      return { ok: true, value: kept, notes: kept.length === raw.length ? [] : [`Some entries of the ${label} did not exist and were left out.`] };
    }
    default:
      throw new TypeError(`Unknown input type "${spec.type}" for ${name}.`);
  }
}

// "row 2 (Apple), column 2 (dim 2)" for matrix inputs with labels, "entry 4" otherwise.
function entryName(spec, i) {
  if (!spec.cols) return `entry ${i + 1}`;
  const r = Math.floor(i / spec.cols), c = i % spec.cols;
  const rl = spec.rowLabels?.[r], cl = spec.colLabels?.[c];
  return `row ${r + 1}${rl ? ` (${rl})` : ''}, column ${c + 1}${cl ? ` (${cl})` : ''}`;
}

const clone = (v) => (Array.isArray(v) ? v.slice() : v);

/** The defaults of a schema: { name: default }, fresh arrays each call. */
export function schemaDefaults(schema) {
  return Object.fromEntries(Object.entries(schema).map(([k, spec]) => [k, clone(spec.default)]));
}

/**
 * Checks raw inputs (any JSON value) against a scene's schema, once for every source.
 * where: 'in the link' | 'in the saved lesson' | 'in the page settings' | … (used in sentences).
 * → { values (every input: valid given values over the defaults), given (only the valid values
 *     that were given), problems (sentences) }
 */
export function validateInputs(schema, raw, { where = 'in the link', stepTitle = null } = {}) {
  const values = schemaDefaults(schema);
  const given = {};
  const problems = [];
  const lead = stepTitle ? `${stepTitle}: ` : '';
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    if (raw !== undefined) problems.push(`${lead}The settings ${where} are ${kindOf(raw)} instead of a group of named settings, so the step shows its starting values.`);
    return { values, given, problems };
  }
  for (const [name, value] of Object.entries(raw)) {
    // Own keys only: "__proto__" or "constructor" in a link name no setting (and reach no prototype).
    const spec = Object.hasOwn(schema, name) ? schema[name] : undefined;
    if (!spec) {
      problems.push(`${lead}${quoteText(name)} ${where} is not a setting of this step, so it was ignored.`);
      continue;
    }
    const r = readOne(spec, value, name);
    if (r.ok) {
      values[name] = r.value;
      given[name] = r.value;
      problems.push(...r.notes.map((n) => lead + n.replace(/^The /, `The `)));
    } else {
      problems.push(`${lead}${r.problem} ${where}, so it stays at ${describeDefault(spec)}.`);
    }
  }
  return { values, given, problems };
}

function describeDefault(spec) {
  const d = spec.default;
  if (Array.isArray(d)) return 'its starting values';
  if (typeof d === 'boolean') return d ? 'on' : 'off';
  if (typeof d === 'string') return d === '' ? '(nothing)' : quoteText(d);
  return say(d);
}

// ---- the state object --------------------------------------------------------------------------

const schemaOf = (step) => step.inputs;

// The full inputs of one scene: its defaults overlaid with what the learner changed (which was
// checked on the way in).
export function sceneInputs(state, step) {
  return { ...step.defaults(), ...(state.scenes[step.id] ?? {}) };
}

// Checks a patch (from a view, an embedding's options, saved storage) and stores only the keys
// that differ from the defaults, so links stay short. Returns the problems, in words.
export function setSceneInputs(state, step, patch, { where = 'in this change' } = {}) {
  const defaults = step.defaults();
  const { given, problems } = validateInputs(schemaOf(step), patch, { where });
  const next = { ...(state.scenes[step.id] ?? {}), ...given };
  for (const key of Object.keys(next)) {
    if (JSON.stringify(next[key]) === JSON.stringify(defaults[key])) delete next[key];
  }
  if (Object.keys(next).length) state.scenes[step.id] = next;
  else delete state.scenes[step.id];
  return problems;
}

// "#step=worked-example&worked-example={...}&table=1"
export function toHash(state) {
  const p = new URLSearchParams();
  p.set('step', state.step);
  for (const [id, inputs] of Object.entries(state.scenes)) p.set(id, JSON.stringify(inputs));
  if (state.ui.table) p.set('table', '1');
  return '#' + p.toString();
}

// Reads a hash into a state. Unknown steps and unusable scene values are left out, and a
// sentence for each is returned in `problems` (the lesson shows them), never thrown.
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
    if (!s) {
      // settings for a step of a newer or older lesson (a value in the scene-settings form)
      if (/^\s*\{/.test(value)) problems.push(`The link has settings for a step called "${key.slice(0, 40)}", which this lesson does not have, so they were ignored.`);
      continue;
    }
    let parsed;
    try {
      parsed = JSON.parse(value);
    } catch {
      problems.push(`The link's settings for "${s.title}" could not be read, so that step shows its starting values.`);
      continue;
    }
    const r = validateInputs(schemaOf(s), parsed, { where: 'in the link', stepTitle: s.title });
    problems.push(...r.problems);
    const kept = {};
    const defaults = s.defaults();
    for (const [k, v] of Object.entries(r.given)) if (JSON.stringify(v) !== JSON.stringify(defaults[k])) kept[k] = v;
    if (Object.keys(kept).length) state.scenes[key] = kept;
  }
  state.ui.table = p.get('table') === '1';
  return { state, problems };
}
