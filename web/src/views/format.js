// format.js — number and label formatting for the views: fixed digits with a true minus sign
// (U+2212), "−∞" for masked scores, shapes like "3 × 64", quoting and truncating token labels.

export const MINUS = '\u2212';
export const NEG_INF = `${MINUS}\u221E`;
export const ELLIPSIS = '\u2026';
const SUPERSCRIPT = { '-': '\u207B', 0: '\u2070', 1: '\u00B9', 2: '\u00B2', 3: '\u00B3', 4: '\u2074',
  5: '\u2075', 6: '\u2076', 7: '\u2077', 8: '\u2078', 9: '\u2079' };

/** Format a number with `digits` decimals: "−0.41", "−∞", "∞", "1.23 × 10⁹"; NaN → "n/a". */
export function formatNumber(value, digits = 2) {
  if (value === null || value === undefined || typeof value === 'boolean') return 'n/a';
  const v = Number(value);
  if (Number.isNaN(v)) return 'n/a';
  if (v === -Infinity) return NEG_INF;
  if (v === Infinity) return '\u221E';
  const d = Math.max(0, Math.min(10, Math.floor(digits)));
  if (Math.abs(v) >= 1e6) {
    const [mant, exp] = v.toExponential(d).split('e');
    const sup = String(Number(exp)).split('').map((ch) => SUPERSCRIPT[ch]).join('');
    return `${mant.replace('-', MINUS)} \u00D7 10${sup}`;
  }
  let s = v.toFixed(d);
  if (/^-0(\.0+)?$/.test(s)) s = s.slice(1); // never show "−0.00"
  return s.replace('-', MINUS);
}

/** Like formatNumber but with an explicit plus sign for positive values ("+0.40"). */
export function formatSigned(value, digits = 2) {
  const s = formatNumber(value, digits);
  return Number(value) > 0 && Number.isFinite(Number(value)) && !/^0(\.0+)?$/.test(s) ? `+${s}` : s;
}

/** "3 × 64" (rows × columns). */
export function formatShape(rows, cols) {
  return `${rows} \u00D7 ${cols}`;
}

/** Compact shape used inside sentences: "3×3". */
export function formatShapeCompact(rows, cols) {
  return `${rows}\u00D7${cols}`;
}

/** A token label for display: empty or blank strings become a visible placeholder. */
export function displayLabel(label, fallback = '') {
  if (label === undefined || label === null) return String(fallback);
  const s = String(label);
  if (s === '') return '(empty)';
  if (s.trim() === '') return '(space)';
  return s;
}

/** 'cat' — a label quoted for sentences. */
export function quoteLabel(label, fallback = '') {
  return `'${displayLabel(label, fallback)}'`;
}

/**
 * Shorten `text` so that measure(text) <= maxWidth, ending with an ellipsis.
 * measure(str) returns a width (pixels or characters); the full text is returned if it fits.
 */
export function truncateToWidth(text, maxWidth, measure) {
  const s = String(text);
  if (measure(s) <= maxWidth) return s;
  const chars = Array.from(s); // do not split surrogate pairs
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) { // largest n with measure(prefix(n) + …) <= maxWidth
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(chars.slice(0, mid).join('') + ELLIPSIS) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  if (lo === 0) return measure(ELLIPSIS) <= maxWidth ? ELLIPSIS : '';
  return chars.slice(0, lo).join('').trimEnd() + ELLIPSIS;
}

/** Parse learner input: accepts "−1.5" (U+2212), "-1.5", " 2 ", "1,5" is NOT accepted. */
export function parseNumber(text) {
  if (typeof text === 'number') return text;
  const s = String(text ?? '').trim().replace(/^\u2212/, '-');
  if (s === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return NaN;
  return Number(s);
}
