// One training run driven by messages, the same code inside the Web Worker
// (training-worker.js) and in the main-thread fallback (runner.js): it owns a trainer, runs it in
// time slices while playing, evaluates on the held-out set every `evalEvery` steps, and posts
// snapshots for the page to draw: { type: 'update', steps, loss, accuracy, heldOutLoss, playing,
// probe: { tokens, layers, readout, answer, prediction, weightOnAnswer } }. Errors (bad settings,
// bad probe words, a stopped run) are posted as { type: 'error', message, fatal }. No DOM here.
//
// Messages in: { type: 'create', settings, probe }, 'play', 'pause', { type: 'step', count },
// 'reset', { type: 'speed', stepsPerSlice }, { type: 'learningRate', value }, { type: 'probe',
// sentence }, 'dispose'.

export const SLICE_MS = 12; // training time per slice; the rest of the frame is left to drawing

export function createTrainingSession(engine, post, { schedule = (fn) => setTimeout(fn, 0), now = () => performance.now(), evalEvery = 10 } = {}) {
  let trainer = null, probe = '', playing = false, stepsPerSlice = 10, pending = false, sinceEval = 0;
  let last = { loss: null, accuracy: null, heldOutLoss: null };

  const fail = (err, fatal = false) => post({ type: 'error', message: err?.message ?? String(err), fatal });

  function probeSnapshot() {
    if (!probe) return null;
    try {
      const a = trainer.attend(probe);
      const prediction = trainer.predict(probe);
      const n = a.tokens.length;
      const lastLayer = a.layers[a.layers.length - 1];
      // the read-out row's weight on the word that decides the answer, averaged over heads
      const weightOnAnswer = a.answer < 0 ? null
        : lastLayer.reduce((s, w) => s + w[a.readout * n + a.answer], 0) / lastLayer.length;
      return { ...a, prediction, weightOnAnswer, error: null };
    } catch (err) {
      return { error: err.message };
    }
  }

  function evaluate() {
    const ev = trainer.evaluate();
    last = { ...last, accuracy: ev.accuracy, heldOutLoss: ev.loss };
    sinceEval = 0;
  }

  function update() {
    post({ type: 'update', steps: trainer.steps, playing, stepsPerSlice, ...last, probe: probeSnapshot() });
  }

  // Runs `count` steps in chunks of at most evalEvery, evaluating on schedule. Returns false when
  // training stopped (the error has been posted).
  function train(count) {
    while (count > 0) {
      const chunk = Math.min(count, evalEvery - sinceEval);
      try {
        last.loss = trainer.step(chunk).loss;
      } catch (err) {
        playing = false;
        fail(err);
        return false;
      }
      count -= chunk;
      sinceEval += chunk;
      if (sinceEval >= evalEvery) evaluate();
    }
    return true;
  }

  function slice() {
    pending = false;
    if (!playing || !trainer) return;
    const t0 = now();
    // at least one batch of stepsPerSlice, more while the slice's time lasts
    do {
      if (!train(stepsPerSlice)) break;
    } while (playing && now() - t0 < SLICE_MS && stepsPerSlice >= evalEvery);
    update();
    if (playing) { pending = true; schedule(slice); }
  }

  return {
    handle(msg) {
      try {
        switch (msg.type) {
          case 'create':
            trainer?.dispose();
            trainer = engine.createTrainer(msg.settings);
            probe = msg.probe ?? trainer.task.probe;
            sinceEval = 0;
            last = { loss: null, accuracy: null, heldOutLoss: null };
            evaluate();
            post({ type: 'created', vocabulary: trainer.vocabulary, task: trainer.task, settings: trainer.settings, parameterCount: trainer.parameterCount });
            update();
            break;
          case 'play':
            if (!trainer || trainer.stopped) { if (trainer?.stopped) fail(new Error(trainer.stopped)); break; }
            playing = true;
            if (!pending) { pending = true; schedule(slice); }
            break;
          case 'pause':
            playing = false;
            if (trainer) update();
            break;
          case 'step':
            playing = false;
            if (trainer && train(msg.count ?? 1)) update();
            break;
          case 'reset':
            playing = false;
            trainer.reset();
            sinceEval = 0;
            last = { loss: null, accuracy: null, heldOutLoss: null };
            evaluate();
            update();
            break;
          case 'speed':
            stepsPerSlice = Math.max(1, Math.min(1000, Math.round(msg.stepsPerSlice)));
            break;
          case 'learningRate':
            trainer.setLearningRate(msg.value);
            break;
          case 'probe':
            probe = msg.sentence;
            update();
            break;
          case 'dispose':
            playing = false;
            trainer?.dispose();
            trainer = null;
            break;
          default:
            throw new Error(`Unknown training message ${JSON.stringify(msg.type)}.`);
        }
      } catch (err) {
        fail(err, msg.type === 'create');
      }
    },
  };
}
