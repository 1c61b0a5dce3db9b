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
