// The views of steps in the second half of the lesson with charts of their own (9, why divide by
// √d_k; 15, speed, reach and cost; 16, the whole formula), in one chunk of their own: the first view never downloads them (the 200 KB budget).
// lazy-view.js imports this file when such a step opens; the single-file builds inline it. Each
// export is a view module { mount(host, ctx) }, as steps/define-scene.js expects.
export * as scaling from './09-scaling/view.js';
export * as cost from './15-cost/view.js';
export * as summary from './16-summary/view.js';
