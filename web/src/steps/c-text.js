// Text matching for the summary's glossary filter: case- and accent-insensitive, every word the
// learner typed must appear somewhere in the entry. The typed text is only compared, never shown
// as markup.

export function fold(text) {
  return String(text).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

export function matchesFilter(haystack, query) {
  const words = fold(query ?? '').split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const h = fold(haystack);
  return words.every((w) => h.includes(w));
}
