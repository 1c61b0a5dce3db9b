// Step 17's view: the training playground's DOM. Controls (play/pause, step, reset, seed,
// learning rate, speed, probe sentence), the iteration counter, the live loss/accuracy chart, the
// probe's heatmaps for every layer × head and the prediction line. The run lives in a training
// session (web/src/training/) started only when this step opens: in a Web Worker when one
// starts, else in time slices on this thread. Numbers and sentences come from model.js.
import { createHeatmap, createLineChart } from '../../views/index.js';
import { domFor } from '../../lib/dom.js';
import { createTrainingRunner } from '../../training/runner.js';
import { ASSETS, SCRIPT_URL } from '../../embed/assets.js';
import { INPUTS } from './inputs.js';
import { describeSnapshot, curveSummary, modeLine } from './model.js';

const MAX_POINTS = 5000;

export function mount(host, ctx) {
  const { el } = domFor(host);
  const doc = host.ownerDocument;
  const win = doc.defaultView;
  const button = (text, attrs = {}) => el('button', { type: 'button', class: 'al-button', ...attrs }, text);
  const play = button('Play', { 'aria-pressed': 'false', disabled: true, 'data-action': 'play' });
  const stepOne = button('Step', { disabled: true, 'data-action': 'step', title: 'Run one training step' });
  const reset = button('Reset', { disabled: true, 'data-action': 'reset' });
  const seed = el('input', { type: 'number', class: 'al-input', min: INPUTS.seed.min, max: INPUTS.seed.max, step: 1, 'data-input': 'seed' });
  const select = (spec, name) => el('select', { class: 'al-select', 'data-input': name }, ...spec.choices.map((c) => el('option', { value: c }, c)));
  const rate = select(INPUTS.learningRate, 'learningRate');
  const speed = select(INPUTS.speed, 'speed');
  const probe = el('input', { type: 'text', class: 'al-input al-probe', maxLength: INPUTS.probe.maxLength, size: 60, 'data-input': 'probe', spellcheck: 'false' });
  const useProbe = button('Use this sentence', { 'data-action': 'probe' });
  const counter = el('output', { class: 'al-train-counter', 'data-role': 'counter' }, '0 steps');
  const status = el('p', { class: 'al-train-status', 'data-role': 'status' }, 'Loading the trainer…');
  const mode = el('p', { class: 'al-train-mode', 'data-role': 'mode' });
  const seedNote = el('p', { class: 'al-note', 'data-role': 'seed-note' });
  const probeMessage = el('p', { class: 'al-train-probe-message', role: 'alert', 'data-role': 'probe-message' });
  const prediction = el('p', { class: 'al-train-prediction', 'data-role': 'prediction' });
  const itLine = el('p', { class: 'al-train-it', 'data-role': 'it-row' });
  const vocab = el('details', { class: 'al-train-vocab' }, el('summary', {}, 'Words the model knows'), el('p', { 'data-role': 'vocabulary' }));
  const maps = el('div', { class: 'al-grid al-grid-2', 'data-role': 'heatmaps' });
  const chartBox = el('div', { class: 'al-cell' });
  host.append(
    el('div', { class: 'al-controls', role: 'group', 'aria-label': 'Training controls' }, play, stepOne, reset,
      el('label', {}, 'Seed ', seed), el('label', {}, 'Learning rate ', rate), el('label', {}, 'Speed (steps per update) ', speed),
      el('span', {}, 'Iteration: ', counter)),
    status, mode, seedNote, chartBox,
    el('h3', {}, 'The probe sentence'),
    el('div', { class: 'al-controls' }, el('label', {}, 'Probe ', probe), useProbe),
    probeMessage, vocab, prediction, itLine, maps);
  const chart = createLineChart(chartBox, {
    label: 'Training loss and held-out accuracy', xLabel: 'step',
    series: [{ name: 'training loss', min: 0, max: null, className: 'al-series-loss' }, { name: 'held-out accuracy', min: 0, max: 1, className: 'al-series-accuracy', axis: 'right' }],
  });

  let runner = null, heatmaps = [], history = [], reachedAt = null, latest = null, drawPending = false, lastDraw = 0;
  let current = null, playing = false, disposed = false, created = null;
  const send = (m) => runner?.send(m);

  function reduced() { return ctx.reducedMotion?.() ?? false; }

  function onMessage(msg) {
    if (disposed) return;
    if (msg.type === 'created') {
      created = msg;
      vocab.querySelector('[data-role=vocabulary]').textContent = msg.vocabulary.join(', ');
      for (const h of heatmaps) h.destroy();
      maps.replaceChildren();
      heatmaps = [];
      for (let l = 0; l < msg.settings.layers; l++) for (let h = 0; h < msg.settings.heads; h++) {
        heatmaps.push(createHeatmap(maps.appendChild(el('div', { class: 'al-cell', 'data-layer': l + 1, 'data-head': h + 1 })), { label: `Layer ${l + 1}, head ${h + 1}` }));
      }
      for (const b of [play, stepOne, reset]) b.disabled = false;
      status.textContent = `Ready: ${msg.parameterCount} weights, all random. Press Play.`;
    } else if (msg.type === 'update') {
      const d = describeSnapshot(msg);
      if (history.length && history[history.length - 1].x >= d.steps) {
        if (d.steps === 0) { history = []; reachedAt = null; }
        else history = history.filter((p) => p.x < d.steps);
      }
      history.push(d.point);
      if (history.length > MAX_POINTS) history = history.filter((_, i) => i % 2 === 0);
      if (d.solved && reachedAt === null) {
        reachedAt = d.steps;
        ctx.announce(`Held-out accuracy reached 95% at step ${d.steps}.`);
      }
      if (playing && !d.playing) setPlaying(false);
      latest = d;
      scheduleDraw();
    } else if (msg.type === 'error') {
      if (msg.fatal && !created) status.textContent = `The trainer could not start: ${msg.message}`;
      else { status.textContent = msg.message; setPlaying(false); }
      ctx.announce(msg.message);
    }
  }

  // Draw at most once a frame (twice a second with reduced motion), the newest snapshot only.
  function scheduleDraw() {
    if (drawPending) return;
    drawPending = true;
    const wait = reduced() ? Math.max(0, 500 - (performance.now() - lastDraw)) : 0;
    const go = () => (win.requestAnimationFrame ? win.requestAnimationFrame(draw) : setTimeout(draw, 16));
    if (wait > 0) setTimeout(go, wait); else go();
  }

  function draw() {
    drawPending = false;
    lastDraw = performance.now();
    if (disposed || !latest) return;
    const d = latest;
    counter.textContent = d.counter;
    counter.dataset.steps = String(d.steps);
    status.textContent = `${d.lossText}, ${d.accuracyText}.`;
    status.dataset.accuracy = String(d.point.values[1] ?? '');
    chart.update({ points: history, summary: curveSummary(history, reachedAt) });
    probeMessage.textContent = d.probeError ?? '';
    prediction.textContent = d.prediction ?? '';
    itLine.textContent = d.itRow?.line ?? '';
    d.heatmaps.forEach((m, i) => heatmaps[i]?.update({ values: m.values, rows: m.n, cols: m.n, rowLabels: m.tokens, colLabels: m.tokens, stage: 'softmax weights', scale: 'sequential', domain: [0, 1], digits: 2, showTable: ctx.ui?.table }));
  }

  function setPlaying(on) {
    playing = on;
    play.textContent = on ? 'Pause' : 'Play';
    play.setAttribute('aria-pressed', on ? 'true' : 'false');
  }

  play.addEventListener('click', () => {
    setPlaying(!playing);
    send({ type: playing ? 'play' : 'pause' });
  });
  stepOne.addEventListener('click', () => { setPlaying(false); send({ type: 'step', count: 1 }); });
  reset.addEventListener('click', () => {
    setPlaying(false);
    history = []; reachedAt = null;
    send({ type: 'reset' });
    ctx.announce('Back to the random starting weights.');
  });
  seed.addEventListener('change', () => ctx.set({ seed: Number(seed.value) }));
  rate.addEventListener('change', () => ctx.set({ learningRate: rate.value }));
  speed.addEventListener('change', () => ctx.set({ speed: speed.value }));
  const applyProbe = () => ctx.set({ probe: probe.value });
  useProbe.addEventListener('click', applyProbe);
  probe.addEventListener('keydown', (e) => { if (e.key === 'Enter') applyProbe(); });

  async function start(m) {
    try {
      runner = await createTrainingRunner({
        engine: ctx.engine,
        workerUrl: new URL(ASSETS.trainingWorker ?? 'training-worker.js', SCRIPT_URL).href,
        wasmBase: new URL(`${(ASSETS.simd ?? 'dist/attention-simd.wasm').replace(/[^/]*$/, '')}`, SCRIPT_URL).href,
        onMessage,
      });
    } catch (err) {
      status.textContent = `The trainer could not start: ${err.message}`;
      return;
    }
    if (disposed) { runner.dispose(); return; }
    mode.textContent = modeLine(runner.mode);
    mode.dataset.mode = runner.mode;
    send({ type: 'speed', stepsPerSlice: m.stepsPerUpdate });
    send({ type: 'create', settings: m.settings, probe: m.probe });
  }

  return {
    render(m, values) {
      seed.value = String(values.seed);
      rate.value = values.learningRate;
      speed.value = values.speed;
      if (doc.activeElement !== probe) probe.value = values.probe;
      seedNote.textContent = m.seedNote;
      const prev = current;
      current = m;
      if (!prev) { start(m); return; }
      if (!runner) return;
      if (prev.settings.seed !== m.settings.seed) {
        setPlaying(false);
        history = []; reachedAt = null;
        send({ type: 'create', settings: m.settings, probe: m.probe });
        return;
      }
      if (prev.settings.learningRate !== m.settings.learningRate) send({ type: 'learningRate', value: m.settings.learningRate });
      if (prev.stepsPerUpdate !== m.stepsPerUpdate) send({ type: 'speed', stepsPerSlice: m.stepsPerUpdate });
      if (prev.probe !== m.probe) send({ type: 'probe', sentence: m.probe });
    },
    destroy() {
      disposed = true;
      runner?.dispose();
      for (const h of heatmaps) h.destroy();
      chart.destroy();
    },
  };
}

