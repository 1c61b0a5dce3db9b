// Pure input checks shared by steps 1–5: each takes a value that may have come from a hand-edited
// URL and returns a usable value plus a flag saying whether it had to fall back. No DOM, no maths
// beyond comparing numbers.

/** A finite number inside [min, max], else the fallback. → { value, ok } */
export function cleanNumber(value, min, max, fallback) {
  const ok = typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
  return { value: ok ? value : fallback, ok };
}

/** A whole number inside [min, max], else the fallback. → { value, ok } */
export function cleanInt(value, min, max, fallback) {
  const ok = Number.isInteger(value) && value >= min && value <= max;
  return { value: ok ? value : fallback, ok };
}

/** One of the allowed strings, else the fallback. → { value, ok } */
export function cleanChoice(value, allowed, fallback) {
  const ok = allowed.includes(value);
  return { value: ok ? value : fallback, ok };
}

/**
 * An array of exactly `length` finite numbers inside [min, max], else the fallback array.
 * → { value: number[], ok }
 */
export function cleanNumbers(value, length, min, max, fallback) {
  const ok = Array.isArray(value) && value.length === length
    && value.every((v) => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max);
  return { value: ok ? value.slice() : fallback.slice(), ok };
}

/**
 * An array whose length lies in [minLength, maxLength] with every entry a finite number inside
 * [min, max], else the fallback array. → { value: number[], ok }
 */
export function cleanList(value, minLength, maxLength, min, max, fallback) {
  const ok = Array.isArray(value) && value.length >= minLength && value.length <= maxLength
    && value.every((v) => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max);
  return { value: ok ? value.slice() : fallback.slice(), ok };
}

/** "the sentence and the pull" style list of the fields that fell back, or '' when none did. */
export function fallbackMessage(names) {
  if (!names.length) return '';
  const list = names.length === 1 ? names[0]
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `Some settings in the link could not be used (${list}), so ${names.length === 1 ? 'it shows its' : 'they show their'} starting values.`;
}

/** Rounds to `digits` decimals for storing a dragged or typed coordinate without float noise. */
export function roundTo(value, digits = 2) {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
