// scorm-interactions.js — the cmi.interactions.n record of one answer, in SCORM 1.2 or SCORM 2004
// form: id, type, the learner's response, result, latency, time, weighting, description (2004) and,
// for questions with a fixed answer, the correct-response pattern. Pure: returns [element, value]
// pairs for scorm.js to write. Formats follow each version's data model (1.2: single-character
// choices and sequences, CMITimespan latency; 2004: short identifiers joined by '[,]', ISO 8601
// durations). Not for scoring (scoring.js) or xAPI (quiz/events.js).

import { answerOf } from '../quiz/answer-key.js';
import { decimalText, parseAnswer } from '../lib/format.js';

const TYPES = { choice: 'choice', numeric: 'numeric', order: 'sequencing', cell: 'other' };
const TYPES_12 = { choice: 'choice', numeric: 'numeric', order: 'sequencing', cell: 'performance' };
const letter = (i) => (i >= 0 && i < 36 ? i.toString(36) : '');

/** SCORM 1.2 CMITimespan HHHH:MM:SS.SS */
export function timespan(ms) {
  const s = Math.max(0, ms) / 1000;
  const hh = String(Math.floor(s / 3600)).padStart(4, '0');
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = (s % 60).toFixed(2).padStart(5, '0');
  return `${hh}:${mm}:${ss}`;
}

/** Milliseconds → SCORM 2004 timeinterval, e.g. 'PT1M2.5S'. */
export function timeInterval(ms) {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(cs / 360000);
  const m = Math.floor((cs % 360000) / 6000);
  const s = (cs % 6000) / 100;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`;
}

// A number in the form both versions take for a numeric response: SCORM 2004's real(10,7)
// (at most 10 digits before the point, no exponent, no thousands separator), which 1.2 reads too.
// A number that does not fit (over 10 digits before the point) is not written: '' (the result
// still is).
function scormNumber(v) {
  const s = decimalText(v);
  return /^-?\d{1,10}(\.\d{1,18})?$/.test(s) ? s : '';
}

// The learner's response (as the quiz stores it) in each version's form.
function responseText(q, r, v12) {
  if (r === null || r === undefined) return '';
  if (q.kind === 'choice') {
    if (!v12) return String(r);
    return /^[0-9a-z]$/.test(r) ? r : letter(q.options.findIndex((o) => o.id === r));
  }
  if (q.kind === 'numeric') return scormNumber(parseAnswer(r));
  if (q.kind === 'order' && Array.isArray(r)) {
    return v12 ? r.map((id) => letter(q.items.findIndex((it) => it.id === id))).join(',') : r.join('[,]');
  }
  if (q.kind === 'cell' && r && typeof r === 'object') return v12 ? `${r.row},${r.col}` : `${r.row}[.]${r.col}`;
  return '';
}

// The correct response pattern, for fixed answers only (live ones depend on the learner's scene).
function patternText(q, v12) {
  if (q.compute) return null;
  const key = answerOf(q);
  if (key === undefined) return null;
  if (q.kind === 'numeric') {
    const tol = Number(q.tolerance) || 0;
    const [lo, hi] = [scormNumber(key - tol), scormNumber(key + tol)];
    if (!lo || !hi) return null;
    return v12 ? scormNumber(key) || null : `${lo}[:]${hi}`;
  }
  return responseText(q, key, v12) || null;
}

function clockTime(date) {
  return date.toISOString().slice(11, 19); // 1.2 CMITime HH:MM:SS
}

/**
 * The record of one answer as [element, value] pairs. entry: the saved answer (storage.js shape),
 * n: the record's index, latencyMs: time spent on this attempt, at: Date.
 */
export function interactionRecord({ version, question: q, entry, n, latencyMs, at = new Date() }) {
  const v12 = version === '1.2';
  const p = `cmi.interactions.${n}.`;
  const pairs = [
    [`${p}id`, q.id],
    [`${p}type`, (v12 ? TYPES_12 : TYPES)[q.kind] ?? 'other'],
  ];
  if (v12) pairs.push([`${p}time`, clockTime(at)]);
  else {
    pairs.push([`${p}timestamp`, at.toISOString().slice(0, 19)]);
    pairs.push([`${p}description`, q.prompt.slice(0, 250)]);
  }
  pairs.push([`${p}weighting`, '1']);
  const pattern = patternText(q, v12);
  if (pattern !== null) pairs.push([`${p}correct_responses.0.pattern`, pattern]);
  const response = entry.revealed && entry.attempts === 0 ? '' : responseText(q, entry.response, v12);
  if (response !== '') pairs.push([`${p}${v12 ? 'student_response' : 'learner_response'}`, response]);
  const result = entry.correct ? 'correct' : (v12 ? 'wrong' : 'incorrect');
  pairs.push([`${p}result`, entry.score > 0 && entry.score < 1 ? String(Math.round(entry.score * 100) / 100) : result]);
  pairs.push([`${p}latency`, v12 ? timespan(latencyMs) : timeInterval(latencyMs)]);
  return pairs;
}
