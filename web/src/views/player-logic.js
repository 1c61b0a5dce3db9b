// player-logic.js — pure rules of the stage player: clamping a stage index, what one timer tick
// does (advance; stop at the last stage), and where Play starts (from the start if at the end).

export const TICK_MS = 1200;

export function clampIndex(index, count) {
  if (!(count > 0)) return 0;
  const i = Math.round(Number(index) || 0);
  return Math.max(0, Math.min(count - 1, i));
}

/** One tick while playing: the next index, and whether playing continues afterwards. */
export function tick(index, count) {
  const next = clampIndex(index + 1, count);
  return { index: next, playing: next < count - 1 };
}

/** Index to show when Play is pressed: restart from 0 when already at the last stage. */
export function playStart(index, count) {
  return count > 1 && clampIndex(index, count) >= count - 1 ? 0 : clampIndex(index, count);
}

/** "Stage 2 of 5: scaled scores" */
export function stageText(index, stages) {
  const i = clampIndex(index, stages.length);
  return `Stage ${i + 1} of ${stages.length}: ${stages[i] ?? ''}`;
}
