// The exercise's code editor: CodeMirror 6 with JavaScript highlighting, line numbers, undo
// history, bracket matching and the standard keymap. Built as its own file (code-editor.js, see
// scripts/build-web.mjs LAZY_JS_ENTRIES) and imported only when the exercise is opened, so it is
// not part of the lesson's first view. Tab is left to the browser (it moves focus out of the
// editor, so keyboard users are never trapped); indent with Ctrl-] and Ctrl-[.
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, indentOnInput, syntaxHighlighting, defaultHighlightStyle, LanguageSupport } from '@codemirror/language';
import { javascriptLanguage } from '@codemirror/lang-javascript';

/**
 * createCodeEditor(parent, { doc, label, describedBy, onChange, onRun }) →
 *   { kind: 'codemirror', getValue(), setValue(text), focus(), destroy() }
 * onRun is bound to Ctrl-Enter / Cmd-Enter.
 */
export function createCodeEditor(parent, { doc = '', label = 'Code editor', describedBy = null, onChange = null, onRun = null } = {}) {
  const attrs = { 'aria-label': label, 'aria-multiline': 'true' };
  if (describedBy) attrs['aria-describedby'] = describedBy;
  const runKeys = onRun ? [{ key: 'Mod-Enter', run: () => { onRun(); return true; } }] : [];
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(), history(), drawSelection(), highlightActiveLine(), indentOnInput(), bracketMatching(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        new LanguageSupport(javascriptLanguage), // highlighting and indentation, no autocompletion
        // Long lines wrap and the editor grows with its text: no inner scrolling region to get lost in.
        EditorView.lineWrapping,
        keymap.of([...runKeys, ...defaultKeymap, ...historyKeymap]),
        EditorView.contentAttributes.of(attrs),
        EditorView.updateListener.of((u) => { if (u.docChanged && onChange) onChange(u.state.doc.toString()); }),
      ],
    }),
  });
  return {
    kind: 'codemirror',
    getValue: () => view.state.doc.toString(),
    setValue(text) { view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: String(text) } }); },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
