// The JS fuzz runner: loads every target in tests/fuzz/targets/*.mjs (the hook other engineers
// add theirs to, see tests/fuzz/README.md), replays each target's checked-in seed corpus
// (tests/fuzz/corpus/<target>/*.json), then runs inputs from a seeded generator until the time
// is up. Prints executions and findings per target; a finding's input is written to
// build/fuzz/findings/ (add it to the corpus once fixed). Exit code 1 when anything was found.
// Usage: node tests/fuzz/run.mjs [--seconds 30] [--seed 1] [--target engine-api] [--iterations N]
// Not a test: tests/js/engine-fuzz.test.js runs a short, fixed-seed pass of it inside npm test.
import { readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');

// The seeded generator lives in its own module, so targets can import it without a cycle
// (a target importing this file would deadlock its top-level await).
export { makeRng } from './rng.mjs';
import { makeRng } from './rng.mjs';

export async function loadTargets(only = null) {
  const dir = path.join(HERE, 'targets');
  const files = readdirSync(dir).filter((f) => f.endsWith('.mjs')).sort();
  const targets = [];
  for (const f of files) {
    const mod = await import(pathToFileURL(path.join(dir, f)).href);
    if (!only || mod.default.name === only) targets.push(mod.default);
  }
  return targets;
}

export function readCorpus(name) {
  const dir = path.join(HERE, 'corpus', name);
  let files = [];
  try { files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort(); } catch { return []; }
  return files.map((f) => ({ file: f, input: JSON.parse(readFileSync(path.join(dir, f), 'utf8')) }));
}

/**
 * Runs one target: the corpus, then generated inputs until `seconds` or `iterations` is reached.
 * Returns { name, executions, corpus, findings: [{ input, message }] }.
 */
export async function fuzzTarget(target, { seconds = 10, seed = 1, iterations = Infinity, onFinding = () => {} } = {}) {
  const ctx = await target.setup();
  const findings = [];
  let executions = 0;
  const attempt = async (input) => {
    executions++;
    try {
      await target.run(input, ctx);
    } catch (err) {
      const finding = { input, message: String(err?.stack ?? err) };
      findings.push(finding);
      onFinding(finding);
    }
  };
  const corpus = readCorpus(target.name);
  for (const { input } of corpus) await attempt(input);
  const rng = makeRng(seed);
  const stop = Date.now() + seconds * 1000;
  for (let i = 0; i < iterations && Date.now() < stop; i++) await attempt(target.generate(rng));
  await target.teardown?.(ctx);
  return { name: target.name, executions, corpus: corpus.length, findings };
}

async function main() {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : fallback; };
  const seconds = Number(opt('seconds', 30)), seed = Number(opt('seed', Date.now() % 1e9)), iterations = Number(opt('iterations', Infinity));
  const targets = await loadTargets(opt('target', null));
  const outDir = path.join(ROOT, 'build/fuzz/findings');
  let total = 0;
  for (const target of targets) {
    const share = seconds / targets.length;
    let n = 0;
    const result = await fuzzTarget(target, {
      seconds: share, seed, iterations,
      onFinding: (f) => {
        mkdirSync(outDir, { recursive: true });
        const file = path.join(outDir, `${target.name}-seed${seed}-${++n}.json`);
        writeFileSync(file, JSON.stringify(f.input, null, 1));
        // the first few in full; after that one line each (one bug often gives hundreds)
        if (n <= 5) console.log(`FINDING in ${target.name} (input saved to ${path.relative(ROOT, file)}):\n${f.message.split('\n').slice(0, 4).join('\n')}`);
        else if (n <= 20) console.log(`FINDING ${n} in ${target.name}: ${f.message.split('\n')[0].slice(0, 160)}`);
      },
    });
    total += result.findings.length;
    console.log(`fuzz ${result.name}: ${result.executions} executions (${result.corpus} from the seed corpus, seed ${seed}), ${result.findings.length} findings, ${share.toFixed(0)} s`);
  }
  process.exit(total ? 1 : 0);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await main();
