// Number and label formatting lives in ../lib/format.js (one format for the whole lesson); this
// path re-exports it for older imports.
export * from '../lib/format.js';
