// The five stages of one attention head, in order, as the code panel names them. Every generated
// program tags the line that computes each stage with one of these ids, so the panel can light up
// a line when its stage is hovered or focused (and the reverse). Data only, no DOM.

export const STAGES = [
  { id: 'scores', number: 1, label: 'scores', detail: 'Q·Kᵀ: every query dotted with every key' },
  { id: 'scale', number: 2, label: 'scale', detail: 'divide by √d_k' },
  { id: 'mask', number: 3, label: 'mask', detail: 'hide the keys a query may not see' },
  { id: 'softmax', number: 4, label: 'softmax', detail: 'turn each row of scores into weights that sum to 1' },
  { id: 'weighted', number: 5, label: 'weighted sum', detail: 'weights · V: mix the value vectors' },
];

export const STAGE_IDS = STAGES.map((s) => s.id);

/** The marker comment put at the end of a stage's line, e.g. "(1) scores". */
export function stageMarker(id) {
  const s = STAGES.find((x) => x.id === id);
  if (!s) throw new RangeError(`Unknown stage "${id}".`);
  return `(${s.number}) ${s.label}`;
}

/**
 * The stage lines a problem's program needs, in the order it computes them:
 * [{ stage, variant }]. The variant says which form of the line: 'scale' or 'no-scale' (bug),
 * 'mask' or 'mask-after' (bug: after the softmax, which then comes first), 'softmax-rows',
 * 'softmax-columns' (bug) or 'softmax-unmasked' (rows of the scaled scores, before a late mask).
 * Every language writes each variant its own way; the order and the bugs are decided here once.
 */
export function stagePlan(p) {
  const plan = [{ stage: 'scores', variant: 'scores' }, { stage: 'scale', variant: p.scale ? 'scale' : 'no-scale' }];
  if (p.mistake === 'mask-after-softmax') {
    plan.push({ stage: 'softmax', variant: 'softmax-unmasked' }, { stage: 'mask', variant: 'mask-after' });
  } else {
    plan.push({ stage: 'mask', variant: 'mask' },
      { stage: 'softmax', variant: p.mistake === 'softmax-over-queries' ? 'softmax-columns' : 'softmax-rows' });
  }
  plan.push({ stage: 'weighted', variant: 'weighted' });
  return plan;
}

/** The key of a problem's mask for the languages' tables: 'causal', 'none' or 'padding'. */
export function maskKind(p) {
  return typeof p.mask === 'object' ? 'padding' : p.mask;
}

/** Adds a problem's stage lines to a SourceLines builder from a language's table { variant: [code, note] }. */
export function addStages(builder, p, table) {
  for (const { stage, variant } of stagePlan(p)) {
    const [code, note = ''] = table[variant];
    builder.stage(stage, code, note);
  }
  return builder;
}
