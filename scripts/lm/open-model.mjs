// Opens the language model in Node the way the page will: the engine, the language model's own
// wasm module (engine.loadLanguageModule()), then engine.loadLanguageModel(bytes). Shared by scripts/lm/train.mjs and the tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../../wasm/engine.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const MODEL_DIR = path.join(root, 'web/assets/lm');

let engine = null;
export async function openLanguageModel(bytes) {
  engine ??= createEngine({ languageModel: true });
  return (await engine).loadLanguageModel(bytes);
}

export function readShipped(name) {
  return readFileSync(path.join(MODEL_DIR, name));
}

/** The shipped model as the page's loader hands it to steps 23 and 24: { lm, manifest, bytes }. */
export async function openShippedForPage() {
  const bytes = readShipped('model.bin');
  return { lm: await openLanguageModel(new Uint8Array(bytes)), manifest: JSON.parse(readShipped('manifest.json')), bytes: bytes.length };
}
