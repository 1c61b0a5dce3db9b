// Opens the language model in Node the way the page does: the engine, its training module, then
// engine.loadLanguageModel(bytes). Shared by scripts/lm/train.mjs and the tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLanguageModel } from '../../wasm/language-model.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const MODEL_DIR = path.join(root, 'web/assets/lm');

let instance = null;
async function provisionalModule() {
  instance ??= WebAssembly.instantiate(readFileSync(path.join(root, 'wasm/dist/language-model.wasm')), {
    env: { emscripten_notify_memory_growth() {} },
    wasi_snapshot_preview1: { proc_exit(code) { throw new WebAssembly.RuntimeError(`language model stopped (exit code ${code})`); } },
  }).then(({ instance: i }) => { i.exports._initialize?.(); return i.exports; });
  return instance;
}

export async function openLanguageModel(bytes) {
  return loadLanguageModel(await provisionalModule(), bytes);
}

export function readShipped(name) {
  return readFileSync(path.join(MODEL_DIR, name));
}
