import { setText } from '../lib/dom.js';
// formula-inline.js — a short formula inside running content (a label such as Kᵀ or /√dₖ), drawn
// from build-time KaTeX HTML (ctx.formulas), never from learner text. Unlike formula-box.js it is
// not a scrolling region: it is meant for labels a few characters wide. KaTeX's MathML copy is
// what a screen reader reads.

export function formulaInline(host, html, fallbackText) {
  const doc = host.ownerDocument ?? host;
  const span = doc.createElement('span');
  span.className = 'al-formula-inline';
  if (typeof html === 'string' && html) span.innerHTML = html; // build-time KaTeX output only
  else setText(span, fallbackText);
  return span;
}
