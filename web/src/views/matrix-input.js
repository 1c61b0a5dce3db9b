// matrix-input.js — pure validation of one editable matrix cell: empty, not a number, or out of
// range each give a message in words (a decimal comma too: "0,5" is refused with a sentence, never
// read as 5); a valid entry gives the number.

import { formatNumber, parseNumber } from '../lib/format.js';

function plain(v) {
  // Bounds as the learner would type them (no trailing zeros), with a true minus sign.
  return formatNumber(v, 6).replace(/\.?0+$/, '');
}

/**
 * @param {string} raw the input's text (an <input type=number> gives "" for unparseable text)
 * @param {{min?:number, max?:number, badInput?:boolean}} limits
 * @returns {{ok:true, value:number} | {ok:false, reason:'empty'|'nan'|'comma'|'low'|'high', message:string}}
 */
export function validateCellInput(raw, { min = -Infinity, max = Infinity, badInput = false } = {}) {
  const range = Number.isFinite(min) && Number.isFinite(max)
    ? `a number from ${plain(min)} to ${plain(max)}` : 'a number';
  const text = String(raw ?? '').trim();
  if (badInput) return { ok: false, reason: 'nan', message: `Not a number. Type ${range}.` };
  if (text === '') return { ok: false, reason: 'empty', message: `Empty. Type ${range}.` };
  if (/^[-+\u2212]?\d+,\d+$/.test(text)) {
    // A decimal comma is refused in words (never read as a whole number: "0,5" is not 5).
    return { ok: false, reason: 'comma', message: `Use a decimal point: type ${text.replace(',', '.')}, not ${text}.` };
  }
  const value = parseNumber(text);
  if (!Number.isFinite(value)) return { ok: false, reason: 'nan', message: `Not a number. Type ${range}.` };
  if (value < min) return { ok: false, reason: 'low', message: `Too small: the smallest allowed is ${plain(min)}.` };
  if (value > max) return { ok: false, reason: 'high', message: `Too large: the largest allowed is ${plain(max)}.` };
  return { ok: true, value };
}

/** True when the text in an input already shows `value` (to the given digits). */
export function inputShowsValue(text, value, digits = 2) {
  const v = parseNumber(text);
  return Number.isFinite(v) && Math.abs(v - value) <= 0.5 * 10 ** -digits + 1e-9;
}
