// The file format of the trained weights that `npm run train:tasks` writes into
// web/assets/trained/ (and the page loads for the "learned" switch): 8-bit blocks. The weights
// (a trainer's saveWeights() Float32Array) are cut into blocks of 32; each block stores one
// float32 scale (its largest |w| / 127) and 32 signed bytes, so a file is ~1.1 bytes per weight.
// Layout: "ATW1", uint32 count (little-endian), then per block: float32 scale, int8 × 32.
// Decoding gives the weights the manifest's accuracy was measured with. Not the trainer.
const MAGIC = [65, 84, 87, 49]; // "ATW1"
const BLOCK = 32;

/** Float32Array → Uint8Array in the format above. */
export function encodeWeights(weights) {
  const blocks = Math.ceil(weights.length / BLOCK);
  const out = new Uint8Array(8 + blocks * (4 + BLOCK));
  const view = new DataView(out.buffer);
  MAGIC.forEach((b, i) => { out[i] = b; });
  view.setUint32(4, weights.length, true);
  for (let b = 0; b < blocks; b++) {
    const at = 8 + b * (4 + BLOCK);
    let max = 0;
    for (let i = b * BLOCK; i < Math.min(weights.length, (b + 1) * BLOCK); i++) max = Math.max(max, Math.abs(weights[i]));
    const scale = Math.fround(max / 127);
    view.setFloat32(at, scale, true);
    for (let i = 0; i < BLOCK; i++) {
      const w = weights[b * BLOCK + i] ?? 0;
      view.setInt8(at + 4 + i, scale > 0 ? Math.max(-127, Math.min(127, Math.round(w / scale))) : 0);
    }
  }
  return out;
}

/** Uint8Array (or ArrayBuffer) in the format above → Float32Array. Throws on a damaged file. */
export function decodeWeights(bytes) {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (data.length < 8 || MAGIC.some((b, i) => data[i] !== b)) throw new Error('This is not a trained-weights file (it does not start with "ATW1").');
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const count = view.getUint32(4, true);
  const blocks = Math.ceil(count / BLOCK);
  if (data.length !== 8 + blocks * (4 + BLOCK)) throw new Error(`The trained-weights file is ${data.length} bytes, but ${count} weights need ${8 + blocks * (4 + BLOCK)}.`);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    const at = 8 + Math.floor(i / BLOCK) * (4 + BLOCK);
    out[i] = view.getFloat32(at, true) * view.getInt8(at + 4 + (i % BLOCK));
  }
  return out;
}
