// One training run driven by messages, the same code inside the Web Worker
// (training-worker.js) and in the main-thread fallback (runner.js): it owns a trainer, runs it in
// time slices while playing, evaluates on the held-out set every `evalEvery` steps, and posts
// snapshots for the page to draw: { type: 'update', steps, loss, accuracy, heldOutLoss, playing,
// trainMs (time spent inside trainer.step since the run began or was reset: training time alone,
// without evaluation, probes or drawing), evaluatedAt and trainMsAtEval (the step count and
// trainMs when `accuracy` was measured; a slice may train on past it), probe: { tokens, layers, readout, answer, prediction,
// weightOnAnswer } }. Errors (bad settings,
// bad probe words, a stopped run) are posted as { type: 'error', message, fatal }. No DOM here.
//
// Messages in: { type: 'create', settings, probe, compare }, 'play', 'pause', { type: 'step',
// count }, 'reset', { type: 'speed', stepsPerSlice }, { type: 'learningRate', value }, { type:
// 'probe', sentence, compare }, 'dispose'. `compare` (optional) is a second probe sentence whose
// snapshot rides along as `compare` (task 3 sets two sentences side by side).

export const SLICE_MS = 12; // most training time per slice; the rest of the frame is left to drawing
export const MAX_STEPS_PER_SLICE = 1000; // 'max' speed still ends a slice after this many
export const FRAME_MS = 1000 / 60; // one slice per frame, so "steps per frame" means what it says

export function createTrainingSession(engine, post, { schedule = (fn, ms) => setTimeout(fn, ms), now = () => performance.now(), evalEvery = 10 } = {}) {
  let trainer = null, probe = '', compare = null, playing = false, stepsPerSlice = 10, pending = false, sinceEval = 0, trainMs = 0;
  let last = { loss: null, accuracy: null, heldOutLoss: null };

  const fail = (err, fatal = false) => post({ type: 'error', message: err?.message ?? String(err), fatal });

  function probeSnapshot(sentence = probe) {
    // (an empty probe is the learner's too: the trainer's own sentence asks for words)
    if (sentence === null || sentence === undefined) return null;
    try {
      const a = trainer.attend(sentence);
      const prediction = trainer.predict(sentence);
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
    last = { ...last, accuracy: ev.accuracy, heldOutLoss: ev.loss, evaluatedAt: trainer.steps, trainMsAtEval: trainMs };
    sinceEval = 0;
  }

  function update() {
    post({ type: 'update', steps: trainer.steps, playing, stepsPerSlice, trainMs, ...last, probe: probeSnapshot(), compare: compare ? probeSnapshot(compare) : null });
  }

  // Runs `count` steps in chunks of at most evalEvery, evaluating on schedule, and stops early
  // once `deadline` (a now() time) has passed. Returns false when training stopped (the error has
  // been posted).
  function train(count, deadline = Infinity) {
    while (count > 0 && now() < deadline) {
      const chunk = Math.min(count, evalEvery - sinceEval);
      const t0 = now();
      try {
        last.loss = trainer.step(chunk).loss;
        trainMs += now() - t0;
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

  // One frame's worth: stepsPerSlice steps (Infinity = as many as SLICE_MS allows), never more
  // than SLICE_MS of work, then one snapshot; the next slice starts FRAME_MS after this one did.
  function slice() {
    pending = false;
    if (!playing || !trainer) return;
    const t0 = now();
    train(Math.min(stepsPerSlice, MAX_STEPS_PER_SLICE), t0 + SLICE_MS);
    update();
    if (playing) { pending = true; schedule(slice, Math.max(0, FRAME_MS - (now() - t0))); }
  }

  return {
    /** { trainer: is a run open, playing: is it training } (a parked worker must say false, false) */
    status: () => ({ trainer: trainer !== null, playing }),
    handle(msg) {
      try {
        switch (msg.type) {
          case 'create':
            trainer?.dispose();
            trainer = engine.createTrainer(msg.settings);
            probe = msg.probe ?? trainer.task.probe;
            compare = msg.compare ?? null;
            sinceEval = 0;
            trainMs = 0;
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
            trainMs = 0;
            last = { loss: null, accuracy: null, heldOutLoss: null };
            evaluate();
            update();
            break;
          case 'speed':
            // a whole number of steps per frame, or Infinity: as fast as the slice's time allows
            stepsPerSlice = msg.stepsPerSlice === Infinity ? Infinity : Math.max(1, Math.min(1000, Math.round(msg.stepsPerSlice) || 1));
            break;
          case 'learningRate':
            trainer.setLearningRate(msg.value);
            break;
          case 'probe':
            probe = msg.sentence;
            compare = msg.compare ?? null;
            if (trainer) update();
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
