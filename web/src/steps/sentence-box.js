// sentence-box.js — the sentence box of the sentence steps (11–14): a labelled, debounced text
// field (views/controls.js sentenceField) plus a line for what the typed text lacks. Text without
// any token (empty, only spaces) is not sent on, so the last matrix stays on screen and the line
// says why; text with tokens goes to onSentence(text). DOM only.
import { messageLine, sentenceField } from '../views/controls.js';
import { hasTokens } from './sentence-tokens.js';

export function sentenceBox(host, { onSentence }) {
  const typed = messageLine(host);
  const field = sentenceField(host, {
    onChange: (text) => {
      const t = hasTokens(text);
      typed.show([t.message]);
      if (t.ok) onSentence(text);
    },
  });
  return { field: field.element, message: typed.element, sync: (text) => field.sync(text), destroy: () => field.destroy() };
}
