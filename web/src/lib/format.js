// format.js — the lesson's one number format and its label formatting, for views, scenes and
// models alike: fixed digits with a true minus sign (U+2212) everywhere (a computed 1 prints as
// "1.00" in every step), "−∞" for masked scores, superscripts, differences, percentages, bytes,
// times, shapes like "3 × 64", quoting and truncating token labels; reading a typed matrix entry
// (parseNumber, strict) and a typed quiz answer (parseAnswer, which also takes "25%", "1/4" or a
// decimal comma), the quiz's answers and scores (formatAnswer), and numbers for a course's records
// (decimalText). Pure, no DOM.

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
    return `${mant.replace('-', MINUS)} \u00D7 10${superscript(Number(exp))}`;
  }
  let s = v.toFixed(d);
  if (/^-0(\.0+)?$/.test(s)) s = s.slice(1); // never show "−0.00"
  return s.replace('-', MINUS);
}

/** An integer as superscript digits ("³", "⁻⁸", "¹²"), for powers such as 0.70³ or 10⁻⁸. */
export function superscript(n) {
  return String(n).split('').map((c) => SUPERSCRIPT[c] ?? c).join('');
}

/** A difference for running text: "0" when exactly zero, "6.0 × 10⁻⁸" when tiny, else 3 decimals. */
export function formatDiff(d) {
  if (d === 0) return '0';
  if (!Number.isFinite(d)) return 'not comparable';
  if (d < 0.001) {
    const [mant, exp] = d.toExponential(1).split('e');
    return `${mant} \u00D7 10${superscript(Number(exp))}`;
  }
  return d.toFixed(3);
}

/**
 * A weight (0 … 1) for running text, compact at any size: three significant digits down to 0.001
 * ("0.412", "0.0128", "0.00194"), then two in powers of ten ("2.8 × 10⁻⁶"); exactly 0 as "0".
 */
export function formatWeight(w) {
  if (!Number.isFinite(w)) return 'n/a';
  if (w === 0) return '0';
  if (Math.abs(w) < 0.001) {
    const [mant, exp] = w.toExponential(1).split('e');
    return `${mant.replace('-', MINUS)} \u00D7 10${superscript(Number(exp))}`;
  }
  return formatNumber(w, Math.max(3, 2 - Math.floor(Math.log10(Math.abs(w)))));
}

/**
 * A share (0 … 1) as a percentage precise enough to compare two of them: two decimals, more
 * near 0 % or 100 % until the smaller side has two significant digits (at most four decimals:
 * "96.99%", "99.9987%", "0.0013%"); beyond that "over 99.9999%" / "under 0.0001%".
 */
export function formatSharePrecise(share) {
  if (!Number.isFinite(share) || share < 0 || share > 1) return 'n/a';
  if (share === 0) return '0%';
  if (share === 1) return '100%';
  const side = Math.min(share, 1 - share) * 100;
  if (side < 0.0001) return share > 0.5 ? 'over 99.9999%' : 'under 0.0001%';
  const digits = Math.min(4, Math.max(2, 1 - Math.floor(Math.log10(side))));
  return `${(share * 100).toFixed(digits)}%`;
}

/** A share as a whole-number percentage for text ("34%"), "<1%" for tiny non-zero shares. */
export function formatPercent(share) {
  if (!Number.isFinite(share)) return 'n/a';
  const p = share * 100;
  if (p > 0 && p < 1) return '<1%';
  return `${Math.round(p)}%`;
}

// made once: each toLocaleString call builds a new formatter (about 0.1 ms)
const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
/** A count with thousands separators: "1,048,576". */
export function formatCount(n) {
  return COUNT.format(Math.round(n));
}

/** "256 B", "4.0 KiB", "1.0 MiB", "64.0 GiB". */
export function formatBytes(bytes) {
  if (!Number.isFinite(bytes) || bytes < 0) return 'n/a';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let u = 0, v = bytes;
  while (v >= 1024 && u < units.length - 1) { v /= 1024; u++; }
  return u === 0 ? `${formatCount(v)} B` : `${Number.isInteger(v) ? v : v.toFixed(1)} ${units[u]}`;
}

/** "12.6 ms", "0.85 ms", "41 µs". */
export function formatMs(ms) {
  if (!Number.isFinite(ms) || ms < 0) return 'n/a';
  if (ms < 0.1) return `${Math.max(0.1, ms * 1000).toFixed(ms < 0.01 ? 1 : 0)} µs`;
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  return `${ms.toFixed(1)} ms`;
}

/** Rounds to `digits` decimals for storing a dragged or typed coordinate without float noise. */
export function roundTo(value, digits = 2) {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** A vector for running text with one format for every entry: "(0.75, 1.00)". */
export function formatVector(values, digits = 2) {
  return `(${Array.from(values, (v) => formatNumber(v, digits)).join(', ')})`;
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

/** A quiz answer or score for its sentences: up to 4 decimals, no trailing zeros, a true minus
 *  sign ("0.25", "1", "−6"). */
export function formatAnswer(v) {
  if (!Number.isFinite(v)) return String(v);
  const s = Number.isInteger(v) ? String(v) : String(Math.round(v * 10000) / 10000);
  return s === '-0' ? '0' : s.replace('-', MINUS);
}

/**
 * A number for a course's records (xAPI and SCORM responses and patterns): plain ASCII digits with
 * "-" and ".", at most 12 significant digits, never an exponent ("0.0000001", not "1e-7"), which is
 * the form SCORM 2004's real(10,7) and xAPI's numeric responses take; '' for NaN or ±Infinity.
 */
export function decimalText(v) {
  const n = Number(v);
  if (!Number.isFinite(n)) return '';
  const r = Number(n.toPrecision(12));
  let s = String(r);
  if (/e/i.test(s)) {
    s = Math.abs(r) < 1 ? r.toFixed(20).replace(/0+$/, '').replace(/\.$/, '') : BigInt(r).toString();
  }
  return s === '-0' ? '0' : s;
}

/**
 * Parse a quiz answer the learner typed (matrix entries use parseNumber) → a finite number or NaN.
 * Accepted forms: "0.25", "0,25" (decimal comma), ".25", "25%", "10,000", "1e4", "−3", "1/4",
 * "≈ 0.25", "16x", "×16".
 */
export function parseAnswer(response) {
  if (typeof response === 'number') return Number.isFinite(response) ? response : NaN;
  if (typeof response !== 'string') return NaN;
  let s = response.trim().replace(/[\s\u00a0\u202f]/g, '').replace(/[\u2212\u2013]/g, '-');
  s = s.replace(/^(?:[\u2248~]|about|approx\.?)/i, '').replace(/\.$/, '');
  s = s.replace(/^[x\u00D7]|[x\u00D7]$/gi, '');
  if (s === '') return NaN;
  const frac = s.match(/^(-?\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/);
  if (frac) { const v = Number(frac[1]) / Number(frac[2]); return Number.isFinite(v) ? v : NaN; }
  let factor = 1;
  if (s.endsWith('%')) { factor = 0.01; s = s.slice(0, -1); }
  if (/^-?[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');   // thousands separators
  else if (/^-?\d*,\d+$/.test(s)) s = s.replace(',', '.');                     // decimal comma ("0,250" too)
  if (!/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return NaN;
  const v = Number(s) * factor;
  return Number.isFinite(v) ? v : NaN;
}
