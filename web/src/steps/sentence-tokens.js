// sentence-tokens.js — a scene model's reading of the learner's sentence: its tokens, or (when the
// text gives none: empty, only spaces) the step's example sentence and a sentence saying so. The
// views only send text that has tokens (see `hasTokens`), so an empty box keeps the last matrix on
// screen; an empty sentence can still arrive from a link, and then the example is shown. Pure.
import { tokenize } from '../model/toy-model.js';

/** → { tokens: string[], message: string | null } */
export function sentenceTokens(text, exampleText) {
  const t = tokenize(text);
  if (t.tokens) return { tokens: t.tokens, message: t.error ?? null };
  return { tokens: tokenize(exampleText).tokens, message: `The sentence is empty, so the example “${exampleText}” is shown.` };
}

/** Whether typed text gives at least one token; else { ok: false, message } for the view to show. */
export function hasTokens(text) {
  const t = tokenize(text);
  return t.tokens ? { ok: true, message: null } : { ok: false, message: t.error };
}
