// Fuzz target: the language model's weights loader (engine.loadLanguageModel, wasm/language-model.js
// over wasm/lm_abi.cpp and src/lm/weights_file) in the SIMD and scalar language model modules under
// Node. An input describes a file and a damage, never the bytes: the shipped web/assets/lm/model.bin
// or a small valid file written for a random config (tests/fuzz/lm-file.mjs), then one of: nothing,
// a cut, extra bytes, random bit flips (anywhere, or in the header), a header field or a tensor's
// rows / cols / encoding set to a chosen value, a NaN / ∞ weight or row scale, the largest finite
// weights, a damaged vocabulary, or a header declaring huge dimensions over a short body.
// Checks per input:
// - loading returns a model or throws an Error whose message is words (never a wasm trap, a
//   TypeError for bytes that are bytes, "undefined" or "[object"); an undamaged file must load;
// - a loaded model's attend / predictNext / activations on a few sentences (random vocabulary words, 10,000
//   words, emoji, right-to-left and control characters, empty text) either refuse in words or
//   give finite weights whose causal rows sum to 1, probabilities in [0, 1] and finite activations;
// - one load never grows wasm memory by more than 64 MiB (a short file must not allocate the
//   model its header describes), and the shipped model, loaded once at setup, keeps giving the
//   same prediction afterwards.
import { readFileSync } from 'node:fs';
import { createEngine } from 'attention-lesson';
import { makeRng } from '../rng.mjs';
import { tensorOffsets, tensorShapes, writeWeights } from '../lm-file.mjs';

const MiB = 2 ** 20;
const SHIPPED = new Uint8Array(readFileSync(new URL('../../../web/assets/lm/model.bin', import.meta.url)));
const DAMAGES = ['none', 'cut', 'cut', 'extend', 'flip', 'flip', 'flip-header', 'field', 'field', 'tensor-field', 'tensor-field',
  'nonfinite', 'largest', 'vocabulary', 'huge', 'huge'];
const FIELD_VALUES = [0, 1, 2, 3, 4, 5, 31, 32, 33, 1024, 1025, 4000, 8192, 65536, 65537, 2 ** 20, 2 ** 20 + 1, 2 ** 31, 2 ** 32 - 1];

function generate(rng) {
  const base = rng.chance(0.4) ? 'shipped' : 'small';
  const input = { base, damage: rng.pick(DAMAGES), seed: rng.int(1, 2 ** 30), at: rng(), value: rng.pick(FIELD_VALUES) };
  if (base === 'small') {
    const heads = rng.pick([1, 2, 3, 4]);
    input.config = { vocab: rng.int(3, 40), dModel: heads * rng.int(1, 6), layers: rng.int(1, 3), heads, dFF: rng.int(1, 24), context: rng.int(2, 12), preNorm: rng.chance(0.5) };
  }
  if (input.damage === 'field') input.field = rng.int(1, 10); // u32 index 1 version … 8 pre_norm, 9 tensor count, 10 vocabulary bytes
  if (input.damage === 'tensor-field') input.which = rng.int(0, 2);
  if (input.damage === 'nonfinite') input.bits = rng.pick(['nan', 'inf', '-inf']);
  if (input.damage === 'flip' || input.damage === 'flip-header') input.flips = rng.logInt(1, 64);
  if (input.damage === 'extend') input.extra = rng.logInt(1, 4096);
  if (input.damage === 'vocabulary') input.how = rng.pick(['duplicate', 'empty-word', 'no-unk', 'not-utf8', 'one-fewer', 'markup']);
  if (input.damage === 'huge') {
    // Within the header's limits (src/lm/config.hpp) or just past them, over a body of a few KB.
    input.huge = { vocab: rng.pick([4000, 65536, 65537]), dModel: rng.pick([48, 512, 1024, 1025]), layers: rng.pick([2, 16, 17]),
      heads: rng.pick([1, 4, 1024]), dFF: rng.pick([192, 8192, 8193]), context: rng.pick([32, 1024, 1025]), body: rng.logInt(1, 65536) - 1 };
  }
  return input;
}

function words(n, prefix = 'w') {
  return ['<s>', '<unk>', ...Array.from({ length: n - 2 }, (_, i) => `${prefix}${i}`)];
}

// The file before its damage.
function baseFile(input) {
  if (input.base === 'shipped') return SHIPPED.slice();
  const rng = makeRng(input.seed);
  return writeWeights(input.config, words(input.config.vocab), { value: (k, i) => (rng() * 2 - 1) * 100, scaleBits: () => 0x2000 + Math.floor(rng() * 0x800) });
}

// The damaged bytes, and whether the file must still load.
function build(input) {
  const rng = makeRng(input.seed ^ 0x5eed);
  let b = baseFile(input);
  const view = () => new DataView(b.buffer, b.byteOffset, b.byteLength);
  switch (input.damage) {
    case 'none': return { bytes: b, mustLoad: true };
    case 'cut': return { bytes: b.slice(0, Math.floor(input.at * b.length)) };
    case 'extend': { const out = new Uint8Array(b.length + input.extra); out.set(b); return { bytes: out } }
    case 'flip': case 'flip-header': {
      const span = input.damage === 'flip' ? b.length : Math.min(b.length, 64);
      for (let i = 0; i < input.flips; i++) b[Math.floor(rng() * span)] ^= 1 << Math.floor(rng() * 8);
      return { bytes: b };
    }
    case 'field': view().setUint32(4 * input.field, input.value >>> 0, true); return { bytes: b };
    case 'tensor-field': {
      const { tensors } = tensorOffsets(b);
      const t = tensors[Math.floor(input.at * tensors.length)];
      view().setUint32(t.at + 4 * input.which, input.value >>> 0, true);
      return { bytes: b };
    }
    case 'nonfinite': {
      const { tensors } = tensorOffsets(b);
      const t = tensors[Math.floor(input.at * tensors.length)];
      const count = t.rows * t.cols;
      if (t.enc === 1) view().setUint16(t.at + 12 + 2 * Math.floor(rng() * t.rows), { nan: 0x7e00, inf: 0x7c00, '-inf': 0xfc00 }[input.bits], true);
      else view().setFloat32(t.at + 12 + 4 * Math.floor(rng() * count), { nan: NaN, inf: Infinity, '-inf': -Infinity }[input.bits], true);
      return { bytes: b, mustFail: /not a finite number/ };
    }
    case 'largest': {
      // Every weight as large as the format stores: scales 65504 (largest float16), int8 ±127,
      // float32 tensors ±3e38. It loads; running it must either work or say it overflowed.
      const { tensors } = tensorOffsets(b);
      for (const t of tensors) {
        const count = t.rows * t.cols;
        if (t.enc === 1) {
          for (let r = 0; r < t.rows; r++) view().setUint16(t.at + 12 + 2 * r, 0x7bff, true);
          for (let i = 0; i < count; i++) view().setInt8(t.at + 12 + 2 * t.rows + i, rng() < 0.5 ? -127 : 127);
        } else for (let i = 0; i < count; i++) view().setFloat32(t.at + 12 + 4 * i, (rng() < 0.5 ? -3 : 3) * 1e38, true);
      }
      return { bytes: b, mustLoad: true };
    }
    case 'vocabulary': {
      const vocab = input.base === 'small' ? words(input.config.vocab) : null;
      if (!vocab) { // shipped: damage its vocabulary block in place
        const start = 44, len = view().getUint32(40, true);
        const i = start + 12 + Math.floor(input.at * (len - 24));
        if (input.how === 'not-utf8') b[i] = 0xff;
        else if (input.how === 'one-fewer') { const nl = b.indexOf(10, i); if (nl > 0 && nl < start + len) b[nl] = 0x5f; }
        else if (input.how === 'markup') b.set(new TextEncoder().encode('<b>'), i);
        else b[i] = 10; // an empty word or a split one: the count disagrees or a word is empty
        return { bytes: b };
      }
      if (input.how === 'duplicate') vocab[vocab.length - 1] = vocab[2];
      if (input.how === 'empty-word') vocab[vocab.length - 1] = '';
      if (input.how === 'no-unk') vocab[1] = 'unk';
      if (input.how === 'markup') vocab[vocab.length - 1] = '<img src=x onerror=alert(1)>';
      const rngW = makeRng(input.seed);
      b = writeWeights(input.config, vocab, { value: () => (rngW() * 2 - 1) * 100 });
      if (input.how === 'not-utf8') b[44 + 3] = 0xfe;
      if (input.how === 'one-fewer') view().setUint32(8, input.config.vocab - 1, true);
      return { bytes: b, mustLoad: input.how === 'markup' };
    }
    case 'huge': {
      const h = input.huge;
      const c = { vocab: h.vocab, dModel: h.dModel, layers: h.layers, heads: h.heads, dFF: h.dFF, context: h.context, preNorm: false };
      const text = new TextEncoder().encode(words(Math.min(h.vocab, 70000), 'x').join('\n'));
      const out = new Uint8Array(Math.ceil((44 + text.length) / 4) * 4 + h.body);
      const v = new DataView(out.buffer);
      out.set([0x41, 0x54, 0x4c, 0x4d]);
      [1, c.vocab, c.dModel, c.layers, c.heads, c.dFF, c.context, 0, tensorShapes({ ...c, layers: Math.min(c.layers, 64) }).length, text.length].forEach((x, i) => v.setUint32(4 + 4 * i, x, true));
      out.set(text, 44);
      // the first tensor header is right, so the reader has to look at sizes, not shapes, to refuse
      const at = Math.ceil((44 + text.length) / 4) * 4;
      if (h.body >= 12) { v.setUint32(at, c.vocab, true); v.setUint32(at + 4, c.dModel, true); v.setUint32(at + 8, 1, true); }
      return { bytes: out, mustFail: /./ };
    }
    default: throw new Error(`unknown damage ${input.damage}`);
  }
}

function checkWords(err, where) {
  if (err instanceof WebAssembly.RuntimeError || !(err instanceof Error)) throw new Error(`${where}: threw ${err?.constructor?.name}: ${err?.message}`);
  const m = err.message.replace(/NaN or infinity/g, '');
  if ((m.match(/[A-Za-z]{2,}/g) ?? []).length < 4 || /\bundefined\b|\[object |\bNaN\b|^\s*at /.test(m)) throw new Error(`${where}: message not in words: ${err.message}`);
}

const SENTENCES = (rng, vocabulary) => [
  Array.from({ length: rng.int(1, 40) }, () => vocabulary[rng.int(2, vocabulary.length - 1)]).join(' '),
  'word '.repeat(10000),
  '🐈 \u202eteg\u202c \u0000\u0007 שלום مرحبا <script>window.__pwned=1</script>',
  '',
];

function checkModel(m, input, where) {
  const rng = makeRng(input.seed ^ 0xa77e);
  for (const text of SENTENCES(rng, m.vocabulary)) {
    let a, top, act;
    try {
      a = m.attend(text);
      top = m.predictNext(text, Math.min(5, m.config.vocab));
      act = m.activations?.(text, Math.min(3, m.config.vocab)); // every stage's vectors (steps 24)
    } catch (err) {
      checkWords(err, `${where} attend/predictNext`);
      if (!(err instanceof RangeError) && !/overflow/.test(err.message)) throw new Error(`${where}: attend refused with an unexpected ${err.constructor.name}: ${err.message}`);
      continue;
    }
    const n = a.tokens.length;
    if (a.layers.length !== m.config.layers) throw new Error(`${where}: ${a.layers.length} layers of weights for a ${m.config.layers}-layer model`);
    for (const heads of a.layers) {
      for (const w of heads) {
        for (let i = 0; i < n; i++) {
          let s = 0;
          for (let j = 0; j < n; j++) {
            const x = w[i * n + j];
            if (!Number.isFinite(x) || x < 0 || (j > i && x !== 0)) throw new Error(`${where}: attention weight [${i}, ${j}] is ${x}`);
            s += x;
          }
          if (Math.abs(s - 1) > 1e-4) throw new Error(`${where}: attention row ${i} sums to ${s}`);
        }
      }
    }
    for (const p of top) if (!(p.probability >= 0 && p.probability <= 1)) throw new Error(`${where}: next-word probability ${p.probability}`);
    if (act) {
      for (const st of act.stages) if (st.values.length !== n * m.config.dModel || !st.values.every(Number.isFinite)) throw new Error(`${where}: activation ${st.key} (layer ${st.layer}) is not n × dModel finite numbers`);
      if (act.next.length !== n) throw new Error(`${where}: ${act.next.length} next-word lists for ${n} tokens`);
    }
  }
}

async function run(input, ctx) {
  const { bytes, mustLoad = false, mustFail = null } = build(input);
  const where = `${input.base}/${input.damage} (${bytes.length} bytes)`;
  for (const engine of ctx.engines) {
    const memory = engine.languageModelModule.x.memory;
    const before = memory.buffer.byteLength;
    let m = null;
    try {
      m = engine.loadLanguageModel(bytes);
    } catch (err) {
      checkWords(err, `${where} load`);
      if (mustLoad) throw new Error(`${where}: a valid file was refused: ${err.message}`);
      if (err instanceof TypeError) throw new Error(`${where}: bytes refused as not bytes: ${err.message}`);
    }
    if (m && mustFail) throw new Error(`${where}: a file that must be refused loaded (${JSON.stringify(m.config)})`);
    const grew = memory.buffer.byteLength - before;
    if (grew > 64 * MiB) throw new Error(`${where}: one load grew wasm memory by ${Math.round(grew / MiB)} MiB`);
    if (m) {
      try { checkModel(m, input, where); } finally { m.dispose(); }
    }
    const top = ctx.shipped.get(engine).predictNext('she opened the', 1)[0];
    if (top.token !== ctx.expected.token || Math.abs(top.probability - ctx.expected.probability) > 1e-5) {
      throw new Error(`${where}: the shipped model now predicts ${top.token} ${top.probability} instead of ${ctx.expected.token} ${ctx.expected.probability}`);
    }
  }
}

export default {
  name: 'lm-loader',
  async setup() {
    const engines = [await createEngine({ simd: true, languageModel: true }), await createEngine({ simd: false, languageModel: true })];
    const shipped = new Map(engines.map((e) => [e, e.loadLanguageModel(SHIPPED)]));
    const expected = shipped.get(engines[0]).predictNext('she opened the', 1)[0];
    return { engines, shipped, expected };
  },
  generate,
  run,
  async teardown(ctx) { for (const m of ctx.shipped.values()) m.dispose(); },
};
