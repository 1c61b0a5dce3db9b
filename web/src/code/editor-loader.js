// Loads the exercise's code editor on demand (code-editor.js, a separate file; bundled inside the
// single file and the SCORM pages, which cannot fetch it from disk) and falls back to a plain
// <textarea> where it cannot be loaded (a blocked request, a page that is not http(s)). Both
// answer to the same small interface, so the exercise does not care which it got.
import { assetUrl } from '../embed/assets.js';
import { domFor } from '../lib/dom.js';

/* global __ATTENTION_LESSON_INLINE_EDITOR__ */
let loading = null;

/** The CodeMirror module, or null when it cannot be loaded here. */
export function loadEditorModule(url = assetUrl('codeEditor')) {
  // (The build sets the flag; esbuild bundles the import only where it is true.)
  if (typeof __ATTENTION_LESSON_INLINE_EDITOR__ === 'boolean' && __ATTENTION_LESSON_INLINE_EDITOR__) {
    loading ??= import('./code-editor.js').catch(() => { loading = null; return null; });
    return loading;
  }
  // A module script only loads over http(s): from file:// it would only log a CORS error.
  if (!/^https?:$/.test(new URL(url, globalThis.location?.href).protocol)) return Promise.resolve(null);
  loading ??= import(/* webpackIgnore: true */ url).catch(() => { loading = null; return null; });
  return loading;
}

/** A plain textarea with the editor's interface (Ctrl-Enter runs, Tab moves focus as usual). */
export function createTextareaEditor(parent, { doc = '', label = 'Code editor', describedBy = null, onChange = null, onRun = null } = {}) {
  const { el } = domFor(parent);
  const area = el('textarea', { class: 'al-code-textarea', spellcheck: 'false', autocapitalize: 'off', autocomplete: 'off', rows: '18', 'aria-label': label });
  if (describedBy) area.setAttribute('aria-describedby', describedBy);
  area.value = doc;
  area.addEventListener('input', () => onChange?.(area.value));
  area.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && onRun) { e.preventDefault(); onRun(); }
  });
  parent.append(area);
  return {
    kind: 'textarea',
    getValue: () => area.value,
    setValue(text) { area.value = String(text); },
    focus: () => area.focus(),
    destroy: () => area.remove(),
  };
}

/** CodeMirror when it loads, else the textarea. */
export async function createEditor(parent, options) {
  const mod = await loadEditorModule();
  if (mod?.createCodeEditor) {
    try {
      return mod.createCodeEditor(parent, options);
    } catch {
      // fall through to the textarea
    }
  }
  return createTextareaEditor(parent, options);
}
