// The training playground every training scene shares (steps 17–21): its DOM, for one step's
// task config, loaded as its own chunk by view.js when a training step opens (outside the first
// view's transfer). Controls (play/pause, step, reset, seed, learning rate, speed and, where the
// task allows, layers, heads and width), the iteration counter, the live chart of training loss,
// held-out accuracy and the probe's weight on the deciding word, the probe's heatmaps for every
// layer × head (each with its table), the prediction line and the read-out row's peak. The run
// lives in a training session (web/src/training/) started only when the step opens: in a Web
// Worker when one starts, else in time slices on this thread. Numbers and sentences come from
// model.js; this file only writes the DOM.
import { createHeatmap, createLineChart } from '../../views/index.js';
import { domFor, setText, setAttrs } from '../../lib/dom.js';
import { createTrainingRunner } from '../../training/runner.js';
import { trainingAssetUrls } from '../../training/training-assets.js';
import { describeSnapshot, curveSummary, modeLine, plateauLine, TARGET_ACCURACY, TARGET_GUIDE } from './model.js';

const MAX_POINTS = 5000;
const DRAW_MS = 66; // about 15 redraws a second while playing
const ARCHITECTURE = [['layers', 'Layers '], ['heads', 'Heads '], ['dModel', 'Width (d_model) ']];

export function mountTrainingScene(host, ctx, config, inputs) {
  const { el } = domFor(host);
  const doc = host.ownerDocument;
  const win = doc.defaultView;
  const button = (text, attrs = {}) => el('button', { type: 'button', class: 'al-button', ...attrs }, text);
  const play = button('Play', { 'data-playing': 'false', disabled: true, 'data-action': 'play' });
  const stepOne = button('Step', { disabled: true, 'data-action': 'step', title: 'Run one training step' });
  const reset = button('Reset', { disabled: true, 'data-action': 'reset', title: 'Back to the seed\u2019s random starting weights' });
  const seed = el('input', { type: 'number', class: 'al-input', min: inputs.seed.min, max: inputs.seed.max, step: 1, 'data-input': 'seed' });
  const select = (spec, name) => el('select', { class: 'al-select', 'data-input': name }, ...spec.choices.map((c) => el('option', { value: c }, c)));
  const rate = select(inputs.learningRate, 'learningRate');
  const speed = select(inputs.speed, 'speed');
  const arch = ARCHITECTURE.filter(([name]) => inputs[name]).map(([name, label]) => ({ name, label, box: select(inputs[name], name) }));
  const probe = el('input', { type: 'text', class: 'al-input al-probe', maxLength: inputs.probe.maxLength, size: 60, 'data-input': 'probe', spellcheck: 'false' });
  const useProbe = button('Use this sentence', { 'data-action': 'probe' });
  // (not an <output>: that is a live region, and the count changes many times a second while
  // training plays; the status line is announced when the learner pauses)
  const counter = el('span', { class: 'al-train-counter', 'data-role': 'counter' }, '0 steps');
  const status = el('p', { class: 'al-train-status', 'data-role': 'status' }, 'Loading the trainer\u2026');
  const stopMessage = el('p', { class: 'al-train-stop', role: 'alert', 'data-role': 'train-message' });
  const mode = el('p', { class: 'al-train-mode', 'data-role': 'mode' });
  const architecture = el('p', { class: 'al-note', 'data-role': 'architecture' });
  const seedNote = el('p', { class: 'al-note', 'data-role': 'seed-note' });
  const plateau = el('p', { class: 'al-train-plateau', 'data-role': 'plateau', hidden: config.claim !== 'stall' });
  const probeMessage = el('p', { class: 'al-train-probe-message', role: 'alert', 'data-role': 'probe-message' });
  const prediction = el('p', { class: 'al-train-prediction', 'data-role': 'prediction' });
  const rowLine = el('p', { class: 'al-train-row', 'data-role': 'readout-row' });
  const comparison = el('p', { class: 'al-train-compare', 'data-role': 'comparison', hidden: !config.compare });
  const vocabText = el('p', { 'data-role': 'vocabulary' });
  const vocab = el('details', { class: 'al-train-vocab' }, el('summary', {}, 'Words the model knows'), vocabText);
  const maps = el('div', { class: 'al-grid al-grid-2', 'data-role': 'heatmaps' });
  const chartBox = el('div', { class: 'al-cell' });
  host.append(
    el('div', { class: 'al-controls', role: 'group', 'aria-label': 'Training controls' }, play, stepOne, reset,
      el('label', {}, 'Seed ', seed), el('label', {}, 'Learning rate ', rate), el('label', {}, 'Speed (steps per frame) ', speed),
      el('span', {}, 'Iteration: ', counter)),
    ...(arch.length ? [el('div', { class: 'al-controls', role: 'group', 'aria-label': 'Model size (changing it starts a new run)' }, ...arch.map((a) => el('label', {}, a.label, a.box)))] : []),
    status, stopMessage, mode, architecture, seedNote, chartBox, plateau,
    el('h3', {}, 'The probe sentence'),
    el('div', { class: 'al-controls' }, el('label', { class: 'al-probe-label' }, 'Probe ', probe), useProbe),
    probeMessage, vocab, prediction, rowLine, comparison, maps);
  const chart = createLineChart(chartBox, {
    label: 'Training loss, held-out accuracy and the probe\u2019s weight on the deciding word', xLabel: 'step',
    series: [
      { name: 'training loss', min: 0, max: null, className: 'al-series-loss' },
      { name: 'held-out accuracy', min: 0, max: 1, className: 'al-series-accuracy', axis: 'right' },
      { name: 'weight on the deciding word', min: 0, max: 1, className: 'al-series-weight', axis: 'right' },
    ],
    guides: [TARGET_GUIDE],
  });

  let runner = null, heatmaps = [], history = [], reachedAt = null, reachedMs = null, latest = null, drawPending = false, lastDraw = 0, drawCost = 0;
  let current = null, playing = false, disposed = false, created = null;
  let mapsShape = ''; // layers × heads of the heatmaps on screen
  const send = (m) => runner?.send(m);
  const reduced = () => ctx.reducedMotion?.() ?? false;
  const forgetCurve = () => { history = []; reachedAt = null; reachedMs = null; delete counter.dataset.reachedAt; delete counter.dataset.reachedMs; };
  const clearRun = () => { forgetCurve(); setText(stopMessage, ''); };

  function onMessage(msg) {
    if (disposed) return;
    if (msg.type === 'created') {
      created = msg;
      setText(vocabText, msg.vocabulary.join(', '));
      // one heatmap per layer × head; a new run of the same shape (a new seed) keeps them
      const shape = `${msg.settings.layers}×${msg.settings.heads}`;
      if (mapsShape !== shape) {
        for (const h of heatmaps) h.destroy();
        maps.replaceChildren();
        heatmaps = [];
        maps.className = `al-grid al-grid-${Math.min(2, msg.settings.heads * msg.settings.layers)}`;
        mapsShape = shape;
        for (let l = 0; l < msg.settings.layers; l++) for (let h = 0; h < msg.settings.heads; h++) {
          heatmaps.push(createHeatmap(maps.appendChild(el('div', { class: 'al-cell', 'data-layer': l + 1, 'data-head': h + 1 })), { label: `Layer ${l + 1}, head ${h + 1}` }));
        }
      }
      for (const b of [play, stepOne, reset]) b.disabled = false;
      setText(status, `Ready: ${msg.parameterCount} weights, all random. Press Play.`);
    } else if (msg.type === 'update') {
      const d = describeSnapshot(msg, config);
      if (history.length && history[history.length - 1].x >= d.steps) {
        if (d.steps === 0) forgetCurve(); else history = history.filter((p) => p.x < d.steps);
      }
      history.push(d.point);
      if (history.length > MAX_POINTS) history = history.filter((_, i) => i % 2 === 0);
      if (d.solved && reachedAt === null) {
        reachedAt = d.evaluatedAt;
        reachedMs = d.trainMsAtEval;
        counter.dataset.reachedAt = String(reachedAt);
        counter.dataset.reachedMs = String(reachedMs ?? '');
        ctx.announce(`Held-out accuracy reached ${Math.round(TARGET_ACCURACY * 100)}% at step ${d.steps}.`);
      }
      if (playing && !d.playing) setPlaying(false);
      latest = d;
      scheduleDraw();
    } else if (msg.type === 'error') {
      setPlaying(false);
      if (msg.fatal && !created) setText(status, `The trainer could not start: ${msg.message}`);
      else setText(stopMessage, msg.message);
      ctx.announce(msg.message);
    }
  }

  // Draw the newest snapshot only: while training plays, at most every DRAW_MS, and never more
  // than a quarter of the main thread's time (the heatmaps' grids and tables are its heaviest
  // work: 8 of them at 2 layers × 4 heads, and a loaded machine, cost frames otherwise); twice a
  // second with reduced motion; at once after a step, a pause or a reset.
  function scheduleDraw() {
    if (drawPending) return;
    drawPending = true;
    const gap = reduced() ? 500 : latest?.playing ? Math.max(DRAW_MS, 4 * drawCost) : 0;
    const wait = Math.max(0, gap - (performance.now() - lastDraw));
    const go = () => (win.requestAnimationFrame ? win.requestAnimationFrame(draw) : setTimeout(draw, 16));
    if (wait > 0) setTimeout(go, wait); else go();
  }

  function draw() {
    drawPending = false;
    lastDraw = performance.now();
    if (disposed || !latest) return;
    drawLatest();
    drawCost = performance.now() - lastDraw;
  }

  function drawLatest() {
    const d = latest;
    setText(counter, d.counter);
    counter.dataset.steps = String(d.steps);
    setText(status, `${d.lossText}, ${d.accuracyText}${d.weightText ? `, ${d.weightText}` : ''}.`);
    status.dataset.accuracy = String(d.point.values[1] ?? '');
    status.dataset.weight = String(d.point.values[2] ?? '');
    chart.update({ points: history, summary: curveSummary(history, reachedAt, reachedMs, d.heads) });
    if (config.claim === 'stall') {
      const pl = plateauLine(history);
      setText(plateau, pl?.line ?? '');
      plateau.dataset.stalled = String(pl?.stalled ?? false);
    }
    setText(probeMessage, d.probeError ?? '');
    setText(prediction, d.prediction ?? '');
    setText(rowLine, d.row?.line ?? '');
    rowLine.dataset.onAnswer = String(d.row?.onAnswer ?? false);
    if (config.compare) setText(comparison, d.comparison?.line ?? '');
    // a probe that cannot be read has no maps: hide the last ones rather than leave another
    // sentence's weights under its error
    maps.hidden = Boolean(d.probeError);
    d.heatmaps.forEach((m, i) => heatmaps[i]?.update({ values: m.mapValues, maskedAs: m.maskedAs, rows: m.n, cols: m.n, rowLabels: m.tokens, colLabels: m.tokens, stage: 'softmax weights', scale: 'sequential', domain: [0, 1], digits: 2, showTable: ctx.ui?.table }));
  }

  // The label says what the button does now ("Pause" while training plays), so it is not also a
  // toggle: "Pause, pressed" read as paused. (data-playing is for tests and styles.)
  function setPlaying(on) {
    playing = on;
    setText(play, on ? 'Pause' : 'Play');
    play.dataset.playing = on ? 'true' : 'false';
  }

  // Where training stands, said once when it stops moving (after a pause or a step), not at
  // every draw.
  const sayWhereItStands = () => ctx.announceSettled?.(() => `${counter.textContent}: ${status.textContent}`, 400);
  play.addEventListener('click', () => {
    setPlaying(!playing);
    send({ type: playing ? 'play' : 'pause' });
    if (!playing) sayWhereItStands();
  });
  stepOne.addEventListener('click', () => { setPlaying(false); send({ type: 'step', count: 1 }); sayWhereItStands(); });
  reset.addEventListener('click', () => {
    setPlaying(false);
    clearRun();
    send({ type: 'reset' });
    ctx.announce('Back to the random starting weights.');
  });
  seed.addEventListener('change', () => ctx.set({ seed: Number(seed.value) }));
  rate.addEventListener('change', () => ctx.set({ learningRate: rate.value }));
  speed.addEventListener('change', () => ctx.set({ speed: speed.value }));
  for (const a of arch) a.box.addEventListener('change', () => ctx.set({ [a.name]: a.box.value }));
  const applyProbe = () => ctx.set({ probe: probe.value });
  useProbe.addEventListener('click', applyProbe);
  probe.addEventListener('keydown', (e) => { if (e.key === 'Enter') applyProbe(); });

  async function start(m) {
    try {
      runner = await createTrainingRunner({ engine: ctx.engine, ...trainingAssetUrls(), onMessage });
    } catch (err) {
      setText(status, `The trainer could not start: ${err.message}`);
      return;
    }
    if (disposed) { runner.dispose(); return; }
    setText(mode, modeLine(runner.mode));
    mode.dataset.mode = runner.mode;
    // the newest settings: the learner may have changed some while the trainer loaded
    const now = current ?? m;
    send({ type: 'speed', stepsPerSlice: now.stepsPerUpdate });
    send({ type: 'create', settings: now.settings, probe: now.probe, compare: now.compare });
  }

  const sameRun = (a, b) => ['seed', 'layers', 'heads', 'dModel'].every((k) => a[k] === b[k]);

  return {
    render(m, values) {
      seed.value = String(values.seed);
      rate.value = values.learningRate;
      speed.value = values.speed;
      for (const a of arch) a.box.value = values[a.name];
      if (doc.activeElement !== probe) probe.value = values.probe;
      setText(seedNote, m.seedNote);
      setText(architecture, m.architectureLine);
      const prev = current;
      current = m;
      if (!prev) { start(m); return; }
      if (!runner) return;
      if (!sameRun(prev.settings, m.settings)) {
        setPlaying(false);
        clearRun();
        send({ type: 'create', settings: m.settings, probe: m.probe, compare: m.compare });
        return;
      }
      if (prev.settings.learningRate !== m.settings.learningRate) send({ type: 'learningRate', value: m.settings.learningRate });
      if (prev.stepsPerUpdate !== m.stepsPerUpdate) send({ type: 'speed', stepsPerSlice: m.stepsPerUpdate });
      if (prev.probe !== m.probe || prev.compare !== m.compare) send({ type: 'probe', sentence: m.probe, compare: m.compare });
    },
    destroy() {
      disposed = true;
      runner?.dispose();
      for (const h of heatmaps) h.destroy();
      chart.destroy();
    },
  };
}
