// Where a training scene's files are: the worker script and the four wasm files (the engine's
// two builds and the trainer's two), as absolute URLs from the built asset names (content-hashed
// in dist/, plain in web/build/). The worker and the main-thread fallback fetch exactly these, so
// hosting with hashed names works the same as the development build. No DOM.
import { assetUrl } from '../embed/assets.js';

export function trainingAssetUrls() {
  return {
    workerUrl: assetUrl('trainingWorker'),
    wasmUrls: { simd: assetUrl('simd'), scalar: assetUrl('scalar'), 'train-simd': assetUrl('trainSimd'), 'train-scalar': assetUrl('trainScalar') },
  };
}
