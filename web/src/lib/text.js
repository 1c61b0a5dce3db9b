// text.js — text helpers shared by scenes and models: matching the glossary filter (case- and
// accent-insensitive; the typed text is only compared, never shown as markup), shortening labels,
// writing a dot product out term by term, and small grammar (possessives, "a"/"an", plurals) so
// generated sentences read right for any token. Pure, no DOM.

export function fold(text) {
  return String(text).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

export function matchesFilter(haystack, query) {
  const words = fold(query ?? '').split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const h = fold(haystack);
  return words.every((w) => h.includes(w));
}

/** A label cut to `max` characters with an ellipsis (for small pictures; full text elsewhere). */
export function shortLabel(text, max = 10) {
  const s = String(text);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** "a×b + c×d" for a dot product written out (numbers already formatted by the caller's fmt). */
export function productTerms(a, b, fmt) {
  return Array.from(a, (v, i) => `${paren(fmt(v))}×${paren(fmt(b[i]))}`).join(' + ');
}

function paren(text) {
  return /^[−-]/.test(text) ? `(${text})` : text;
}

/** "phones’" for a word ending in s, "Apple’s" otherwise. */
export function possessive(word) {
  const w = String(word);
  return /s$/i.test(w) ? `${w}\u2019` : `${w}\u2019s`;
}

/** "a 4 × 4" / "an 11 × 11" / "an 8 × 8": the article for a number or word as it is read aloud. */
export function article(next) {
  const s = String(next).trim();
  if (/^8|^1[18](\D|$)/.test(s)) return 'an';
  if (/^\d/.test(s)) return 'a';
  return /^[aeiou]/i.test(s) ? 'an' : 'a';
}

/** "1 rewrite", "3 rewrites". */
export function plural(count, one, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}

/** ‘cat’: a token in single curly quotes, as the sentence steps name words in their lines. */
export function quoteWord(token) {
  return `\u2018${token}\u2019`;
}

/**
 * Word i of `tokens`, quoted by `quote`, with its place when the sentence has it more than once
 * ("“the” (word 4)"), so a line about one of two copies says which one.
 */
export function placedWord(tokens, i, quote = (w) => `\u201c${w}\u201d`) {
  const w = tokens[i];
  return tokens.indexOf(w) !== tokens.lastIndexOf(w) ? `${quote(w)} (word ${i + 1})` : quote(w);
}
