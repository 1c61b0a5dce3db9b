// Input checks shared by the scenes: each reader takes a value from the scene state (which may come
// from a hand-edited URL), returns a usable value and, when the value was unusable, a sentence that
// says what was replaced. Pure JS, no DOM, no maths.
import { tokenize } from '../model/toy-model.js';

const show = (v) => (typeof v === 'string' ? JSON.stringify(v.slice(0, 30)) : Array.isArray(v) ? 'a list' : String(v));

// A whole number in [min, max]. Out-of-range whole numbers are clamped (quietly when `quiet`).
export function readInt(value, { min, max, fallback, name, quiet = false }) {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    return { value: fallback, message: `The ${name} setting (${show(value)}) is not a whole number, so it is back to ${fallback}.` };
  }
  if (value < min || value > max) {
    const clamped = Math.min(max, Math.max(min, value));
    return { value: clamped, message: quiet ? null : `The ${name} must be from ${min} to ${max}, so ${show(value)} became ${clamped}.` };
  }
  return { value, message: null };
}

// A number in [min, max], not necessarily whole (a slider or a strength). Anything that is not a
// finite number gives the fallback; out-of-range numbers are clamped (quietly when `quiet`).
export function readNumber(value, { min, max, fallback, name, quiet = false }) {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    const what = typeof value === 'number' ? 'is not a finite number' : `(${show(value)}) is not a number`;
    return { value: fallback, message: `The ${name} setting ${what}, so it is back to ${fallback}.` };
  }
  if (value < min || value > max) {
    const clamped = Math.min(max, Math.max(min, value));
    return { value: clamped, message: quiet ? null : `The ${name} must be from ${min} to ${max}, so ${show(value)} became ${clamped}.` };
  }
  return { value, message: null };
}

// One of a fixed list of choices.
export function readChoice(value, choices, fallback, name) {
  if (choices.includes(value)) return { value, message: null };
  const say = (c) => (c === '' ? '(nothing)' : String(c));
  return { value: fallback, message: `The ${name} setting (${show(value)}) is not one of ${choices.map(say).join(', ')}, so it is back to ${say(fallback)}.` };
}

// true or false.
export function readBool(value, fallback, name) {
  if (typeof value === 'boolean') return { value, message: null };
  return { value: fallback, message: `The ${name} setting (${show(value)}) should be on or off, so it is back to ${fallback ? 'on' : 'off'}.` };
}

// A sentence → { tokens | null, message }. tokens is null when nothing usable was typed (the caller
// keeps its previous tokens); a too-long sentence gives the first tokens and a message.
export function readSentence(value) {
  if (typeof value !== 'string') return { tokens: null, message: 'The sentence in the link is not text, so the previous sentence stays.' };
  const t = tokenize(value.slice(0, 4000));
  return { tokens: t.tokens ?? null, message: t.error ?? null };
}

// Keeps only whole numbers in [0, count) from a list, without repeats (ticked checklist items).
export function readIndexList(value, count, name) {
  if (!Array.isArray(value)) return { value: [], message: `The ${name} list in the link could not be read, so nothing is ticked.` };
  const kept = [...new Set(value.filter((v) => Number.isInteger(v) && v >= 0 && v < count))].sort((a, b) => a - b);
  return { value: kept, message: kept.length === value.length ? null : `Some ${name} entries in the link did not exist and were dropped.` };
}

// A list of exactly `length` finite numbers in [min, max] (an editable matrix); otherwise the fallback.
export function readNumbers(value, length, { min, max, fallback, name }) {
  if (Array.isArray(value) && value.length === length && value.every((v) => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max)) {
    return { value, message: null };
  }
  return { value: fallback, message: `The ${name} in the link should be ${length} numbers from ${min} to ${max}, so the starting values are shown.` };
}

// A list of minLength to maxLength finite numbers in [min, max] (a list the learner can grow or
// shrink); otherwise the fallback.
export function readNumberList(value, { minLength, maxLength, min, max, fallback, name }) {
  if (Array.isArray(value) && value.length >= minLength && value.length <= maxLength
    && value.every((v) => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max)) {
    return { value, message: null };
  }
  return { value: fallback, message: `The ${name} in the link should be ${minLength} to ${maxLength} numbers from ${min} to ${max}, so the starting values are shown.` };
}
