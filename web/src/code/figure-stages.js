// Which stage of the computation a scene's heatmap shows, read from its title ("Raw scores Q·Kᵀ:
// raw scores", "Attention weights: softmax weights, mask on"), so the code panel can link the
// scene's own figures to the code lines (pointing at a figure lights its line; pointing at a
// line or stage outlines its figures) without the scenes knowing about code. Pure JS, no DOM.

/** The stage id (stages.js) a heatmap title names, or null. Only the part after the colon counts. */
export function stageOfTitle(title) {
  const text = String(title ?? '');
  const shown = text.slice(text.indexOf(':') + 1).toLowerCase();
  if (/softmax|weights/.test(shown)) return 'softmax';
  if (/−∞|-∞|masked|mask/.test(shown)) return 'mask';
  if (/÷|scaled/.test(shown)) return 'scale';
  if (/scores/.test(shown)) return 'scores';
  if (/output/.test(shown)) return 'weighted';
  return null;
}

/**
 * The stage of a figure with this title, for one step: `figures` maps a title's label (the part
 * before the colon) to a stage id, or to null for a figure of another computation (the mistake
 * lab's mystery, the causal step's padded copy); other labels go by stageOfTitle.
 */
export function figureStage(title, figures = {}) {
  const text = String(title ?? '');
  const label = text.includes(':') ? text.slice(0, text.indexOf(':')).trim() : text.trim();
  return Object.prototype.hasOwnProperty.call(figures, label) ? figures[label] : stageOfTitle(text);
}
