// Opens the language model in Node the way the page will: the module with the lm_* exports,
// then loadLanguageModel(exports, bytes). Shared by scripts/lm/train.mjs and the tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { instantiateLanguageModelModule, loadLanguageModel } from '../../wasm/language-model.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const MODEL_DIR = path.join(root, 'web/assets/lm');

let exportsPromise = null;

export async function openLanguageModel(bytes) {
  exportsPromise ??= instantiateLanguageModelModule();
  return loadLanguageModel(await exportsPromise, bytes);
}

export function readShipped(name) {
  return readFileSync(path.join(MODEL_DIR, name));
}
