// The DOM helper lives in ../lib/dom.js (one for the whole page); this path re-exports it for
// older imports.
export * from '../lib/dom.js';
