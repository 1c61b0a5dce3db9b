// suspend-data.js — a compact text encoding of the quiz's saved state (storage.js's shape) for an
// LMS's cmi.suspend_data, which SCORM 1.2 limits to 4,096 characters. Pure functions, no DOM, no
// LMS calls (lms-progress.js does those). Not a general serialiser: it knows the question kinds.
//
// Text: 'Q1' '|' <bank hash> '|' <completed> '|' <record> (';' <record>)*, one record per question in
// bank order, empty when unanswered. <completed> is the completion time in base-36 seconds since
// 1970, or empty. A record is <flags><score>,<attempts>,<tenths of seconds>,<response>, numbers in
// base 36: flags 0–3 (1 = correct, 2 = solution revealed), score = round(1000 × score 0..1).
// Responses: choice → the option's index; numeric → the number (at most 9 significant digits);
// cell → row.col; order → item indexes, one base-36 digit each. A record may end in '+' and the
// base-36 seed of the variant answered (quiz/variants.js), so the same numbers come back. Everything is in [0-9a-z.,;|e+-]:
// no character an LMS would escape. The bank hash (of the question ids and kinds) detects a
// changed quiz, whose positions would no longer match: data saved under a bank listed in
// bank-history.js is read through that bank's layout (answers to questions still asked are
// kept, with a sentence); any other is refused with a reason.
// Feedback sentences and per-answer times are not stored (the quiz can do without them).

import { parseAnswer } from '../lib/format.js';
import { PAST_BANKS } from './bank-history.js';
import { fnv1a } from '../lib/seeded.js';

export const PREFIX = 'Q1';
export const SCORM12_LIMIT = 4096;
const MAX_TENTHS = 36 ** 5 - 1; // about 16 days per question
const MAX_ATTEMPTS = 36 ** 3 - 1;

const b36 = (n) => Math.max(0, Math.round(n)).toString(36);
const un36 = (s) => (/^[0-9a-z]+$/.test(s) ? Number.parseInt(s, 36) : NaN);

/** A short fingerprint of the bank (question ids and kinds, in order). */
export function bankHash(questions) {
  return fnv1a(questions.map((q) => `${q.id}:${q.kind}`).join(',')).toString(36);
}

/** Per position "id:kind" (+ ":" option or item ids for choice and order): bank-history.js's form. */
export function bankLayout(questions) {
  return questions.map((q) => {
    const list = q.kind === 'choice' ? q.options : q.kind === 'order' ? q.items : null;
    return list ? `${q.id}:${q.kind}:${list.map((x) => x.id).join('/')}` : `${q.id}:${q.kind}`;
  });
}

// For data saved under an earlier bank: per old position, what to decode its record with — the
// current question with that id and kind, seen through the old option / item order — or null
// when this bank no longer asks it.
function pastPositions(layout, questions) {
  const byId = new Map(questions.map((q) => [q.id, q]));
  return layout.map((entry) => {
    const [id, kind, list] = entry.split(':');
    const q = byId.get(id);
    if (!q || q.kind !== kind) return null;
    if (kind === 'choice') return { q, view: { ...q, options: list.split('/').map((x) => ({ id: x })) } };
    if (kind === 'order') return { q, view: { ...q, items: list.split('/').map((x) => ({ id: x })) } };
    return { q, view: q };
  });
}

// The old order's response is valid now only if it names options / items this question still has.
function stillValid(q, response) {
  if (response === null) return true;
  if (q.kind === 'choice') return q.options.some((o) => o.id === response);
  if (q.kind === 'order') return response.length === q.items.length && response.every((id) => q.items.some((it) => it.id === id));
  return true;
}

function numberText(v) {
  const n = Number(v);
  if (!Number.isFinite(n)) return '';
  return String(Number(n.toPrecision(9))).replace('e+', 'e');
}

function encodeResponse(q, r) {
  if (r === null || r === undefined) return '';
  switch (q.kind) {
    case 'choice': {
      const i = q.options.findIndex((o) => o.id === r);
      return i >= 0 ? b36(i) : '';
    }
    case 'numeric': {
      const n = typeof r === 'number' ? r : parseAnswer(r);
      return numberText(n);
    }
    case 'cell': return Number.isInteger(r.row) && Number.isInteger(r.col) ? `${b36(r.row)}.${b36(r.col)}` : '';
    case 'order': {
      const ids = q.items.map((it) => it.id);
      const idx = Array.isArray(r) ? r.map((id) => ids.indexOf(id)) : [];
      return idx.length && idx.every((i) => i >= 0 && i < 36) ? idx.map(b36).join('') : '';
    }
    default: return '';
  }
}

function decodeResponse(q, text) {
  if (text === '') return null;
  switch (q.kind) {
    case 'choice': { const o = q.options[un36(text)]; return o ? o.id : undefined; }
    case 'numeric': return /^-?[0-9.]+(e-?\d+)?$/.test(text) && Number.isFinite(Number(text)) ? text : undefined;
    case 'cell': {
      const m = /^([0-9a-z]+)\.([0-9a-z]+)$/.exec(text);
      return m ? { row: un36(m[1]), col: un36(m[2]) } : undefined;
    }
    case 'order': {
      const ids = Array.from(text, (c) => q.items[un36(c)]?.id);
      return ids.length === q.items.length && ids.every(Boolean) && new Set(ids).size === ids.length ? ids : undefined;
    }
    default: return undefined;
  }
}

/** state (storage.js shape) → suspend_data text. */
export function encodeSuspendData(state, questions) {
  const answers = state?.answers ?? {};
  const records = questions.map((q) => {
    const a = answers[q.id];
    if (!a) return '';
    const flags = (a.correct ? 1 : 0) + (a.revealed ? 2 : 0);
    const tenths = Math.min(MAX_TENTHS, (a.durationMs || 0) / 100);
    const variant = Number.isInteger(a.variant) && a.variant > 0 ? `+${b36(a.variant)}` : '';
    return `${flags}${b36(a.score * 1000)},${b36(Math.min(MAX_ATTEMPTS, a.attempts || 0))},${b36(tenths)},${encodeResponse(q, a.response)}${variant}`;
  });
  while (records.length && records.at(-1) === '') records.pop();
  const done = state?.completedAt ? b36(Date.parse(state.completedAt) / 1000) : '';
  return [PREFIX, bankHash(questions), done, records.join(';')].join('|');
}

/**
 * suspend_data text → { state, problem } where state has storage.js's shape (or null when the text
 * is empty or unusable) and problem is a sentence for the learner, or null.
 * feedbackFor(question, response, entry) (optional) gives the saved-answer sentence.
 */
export function decodeSuspendData(text, questions, { feedbackFor } = {}) {
  if (typeof text !== 'string' || text === '') return { state: null, problem: null };
  const parts = text.split('|');
  if (parts.length !== 4 || parts[0] !== PREFIX) {
    return { state: null, problem: 'The progress your course system kept for this lesson is not in a form this version can read, so the quiz starts fresh.' };
  }
  let positions = null; // null: the same bank, read by position
  if (parts[1] !== bankHash(questions)) {
    const layout = PAST_BANKS[parts[1]];
    if (!layout) return { state: null, problem: 'The quiz has changed since your progress was saved in your course system, so the quiz starts fresh.' };
    positions = pastPositions(layout, questions);
  }
  const state = { format: 'attention-lesson.quiz', version: 1, savedAt: null, completedAt: null, answers: {} };
  const done = parts[2] === '' ? NaN : un36(parts[2]);
  if (Number.isFinite(done)) state.completedAt = new Date(done * 1000).toISOString();
  const records = parts[3] === '' ? [] : parts[3].split(';');
  let bad = 0, gone = 0;
  records.forEach((rec, i) => {
    if (rec === '') return;
    const at = positions ? positions[i] : { q: questions[i], view: questions[i] };
    if (positions && i < positions.length && !at) { gone += 1; return; } // a question this bank no longer asks
    const q = at?.q;
    const m = /^([0-3])([0-9a-z]+),([0-9a-z]+),([0-9a-z]+),(.*?)(?:\+([0-9a-z]{1,7}))?$/.exec(rec);
    let response = m && q ? decodeResponse(at.view, m[5]) : undefined;
    if (response !== undefined && !stillValid(q, response)) response = undefined;
    const score = m ? un36(m[2]) / 1000 : NaN;
    if (!m || response === undefined || !(score >= 0 && score <= 1)) { bad += 1; return; }
    const flags = Number(m[1]);
    const entry = {
      response, score, correct: Boolean(flags & 1), attempts: un36(m[3]), revealed: Boolean(flags & 2),
      durationMs: un36(m[4]) * 100,
    };
    if (m[6]) entry.variant = un36(m[6]);
    if (feedbackFor) {
      const f = feedbackFor(q, response, entry);
      if (typeof f === 'string' && f) entry.feedback = f;
    }
    state.answers[q.id] = entry;
  });
  const sentences = [];
  if (positions) {
    const kept = Object.keys(state.answers).length;
    sentences.push(`The quiz has changed since your progress was saved in your course system; your ${kept} answer${kept === 1 ? '' : 's'} to questions it still asks ${kept === 1 ? 'was' : 'were'} restored${gone ? `, and ${gone} to questions it no longer asks ${gone === 1 ? 'was' : 'were'} left out` : ''}.`);
  }
  if (bad) sentences.push(`${bad} answer${bad === 1 ? '' : 's'} kept by your course system could not be read and ${bad === 1 ? 'was' : 'were'} left out; the rest of your progress was restored.`);
  return { state, problem: sentences.length ? sentences.join(' ') : null };
}
