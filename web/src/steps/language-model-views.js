// The views of the steps that show the small language model (23 and 24), in one chunk of their
// own: the first view never downloads them (the 200 KB budget). lazy-view.js imports this file
// when such a step opens; the single-file builds inline it. Each export is a view module
// { mount(host, ctx) }, as steps/define-scene.js expects.
export * as realModel from './23-real-model/view.js';
export * as transformerBlock from './24-transformer-block/view.js';
