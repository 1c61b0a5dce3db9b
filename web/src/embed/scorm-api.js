// scorm-api.js — finds an LMS's SCORM run-time API (SCORM 2004's API_1484_11 or SCORM 1.2's API, in
// this window, a parent or the opener) and wraps it in one small interface for both versions:
// { version, get(element), set(element, value), commit(), finish(), errors }. Element names are
// given in SCORM 2004 spelling with a 1.2 spelling next to it where they differ (see ELEMENTS).
// Every failed call is followed by GetLastError / GetErrorString / GetDiagnostic (LMSGetLastError …
// in 1.2) and reported as a sentence through onError. It never throws: a broken LMS must not
// break the lesson. Not for deciding what to report (scorm.js does that).

// Plain-language meanings of the standard error codes, used when the LMS gives no text of its own.
const ERRORS_12 = {
  101: 'a general problem in the course system', 201: 'the request was not valid', 202: 'that item has no parts',
  203: 'that item is not a list', 301: 'the session had not started', 401: 'this course system does not support that item',
  402: 'that item cannot be set', 403: 'that item can only be read', 404: 'that item can only be written',
  405: 'the value had the wrong form',
};
const ERRORS_2004 = {
  101: 'a general problem in the course system', 102: 'the session could not start', 103: 'the session had already started',
  104: 'the session had already ended', 111: 'the session could not end', 112: 'the session ended before it started',
  113: 'the session had already ended', 122: 'the value was sent before the session started',
  123: 'the value was sent after the session ended', 132: 'saving was asked before the session started',
  133: 'saving was asked after the session ended', 142: 'saving was asked before the session started',
  143: 'saving was asked after the session ended', 201: 'the request was not valid', 301: 'a general problem reading a value',
  351: 'a general problem saving a value', 391: 'a general problem saving', 401: 'that item is not defined',
  402: 'this course system does not support that item', 403: 'that item has no value yet',
  404: 'that item can only be read', 405: 'that item can only be written', 406: 'the value had the wrong form',
  407: 'the value was out of range', 408: 'a value it depends on was not set first',
};

// SCORM 2004 name → SCORM 1.2 name, for elements whose names differ.
const ELEMENTS = {
  'cmi.location': 'cmi.core.lesson_location', 'cmi.entry': 'cmi.core.entry', 'cmi.exit': 'cmi.core.exit',
  'cmi.session_time': 'cmi.core.session_time', 'cmi.score.raw': 'cmi.core.score.raw',
  'cmi.score.min': 'cmi.core.score.min', 'cmi.score.max': 'cmi.core.score.max',
  'cmi.learner_id': 'cmi.core.student_id', 'cmi.learner_name': 'cmi.core.student_name',
};

function search(start, name) {
  let w = start;
  for (let i = 0; w && i < 12; i += 1) {
    try {
      const api = w[name];
      if (api && typeof api === 'object' && typeof api[name === 'API' ? 'LMSInitialize' : 'Initialize'] === 'function') return api;
    } catch {
      return null; // a window of another origin: its API is not ours to use
    }
    if (!w.parent || w.parent === w) break;
    w = w.parent;
  }
  return null;
}

/** { version: '2004' | '1.2', raw } for the nearest SCORM API, preferring 2004; or null. */
export function findApi(win) {
  let opener = null;
  try { opener = win.opener; } catch { /* cross-origin opener */ }
  for (const start of [win, opener]) {
    if (!start) continue;
    const a2004 = search(start, 'API_1484_11');
    if (a2004) return { version: '2004', raw: a2004 };
    const a12 = search(start, 'API');
    if (a12) return { version: '1.2', raw: a12 };
  }
  return null;
}

/**
 * wrapApi({ version, raw }, { onError }) → { version, initialize(), get(el, { quiet }), set(el, v),
 *   commit(), finish(), errors }. `quiet`: error codes that only mean "no value yet" for this read.
 */
export function wrapApi({ version, raw }, { onError = () => {} } = {}) {
  const v12 = version === '1.2';
  const fn = v12
    ? { init: 'LMSInitialize', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', finish: 'LMSFinish', last: 'LMSGetLastError', text: 'LMSGetErrorString', diag: 'LMSGetDiagnostic' }
    : { init: 'Initialize', get: 'GetValue', set: 'SetValue', commit: 'Commit', finish: 'Terminate', last: 'GetLastError', text: 'GetErrorString', diag: 'GetDiagnostic' };
  const errors = [];
  const name = (el) => (v12 ? ELEMENTS[el] ?? el : el);

  function invoke(f, ...args) {
    try {
      const out = raw[f](...args);
      return out === undefined || out === null ? '' : String(out);
    } catch (err) {
      return { thrown: err };
    }
  }

  function lastError() {
    const code = Number.parseInt(invoke(fn.last), 10);
    return Number.isFinite(code) ? code : 0;
  }

  function report(what, code, thrown) {
    let text = '';
    let diag = '';
    if (code) {
      const t = invoke(fn.text, String(code));
      const d = invoke(fn.diag, String(code));
      text = typeof t === 'string' ? t.trim() : '';
      diag = typeof d === 'string' ? d.trim() : '';
    }
    const meaning = (v12 ? ERRORS_12 : ERRORS_2004)[code];
    const why = thrown
      ? `the course system's SCORM API failed (${thrown.message || thrown})`
      : `${meaning ?? 'it gave no reason'}${code ? ` (error ${code}${text ? `: ${text}` : ''}${diag && diag !== text ? `; ${diag}` : ''})` : ''}`;
    const sentence = `Your course system did not accept ${what}: ${why}.`;
    const entry = { what, code, text, diagnostic: diag, sentence };
    errors.push(entry);
    try { onError(entry); } catch { /* the reporter's problem must not break the lesson */ }
    return entry;
  }

  function ok(what, out) {
    if (out && typeof out === 'object') { report(what, 0, out.thrown); return false; }
    if (out === 'true') return true;
    report(what, lastError());
    return false;
  }

  return {
    version,
    errors,
    /** The element name this LMS uses (1.2 spelling for 1.2). */
    name,
    initialize: () => ok('the start of the session', invoke(fn.init, '')),
    get(el, { quiet = [] } = {}) {
      const out = invoke(fn.get, name(el));
      if (typeof out === 'object') { report(`reading ${name(el)}`, 0, out.thrown); return ''; }
      const code = lastError();
      if (code && !quiet.includes(code)) report(`reading ${name(el)}`, code);
      return code ? '' : out;
    },
    set: (el, value) => ok(`${name(el)} = "${String(value).slice(0, 60)}"`, invoke(fn.set, name(el), String(value))),
    commit: () => ok('saving the progress (commit)', invoke(fn.commit, '')),
    finish: () => ok('the end of the session', invoke(fn.finish, '')),
  };
}
