// formula-box.js — a display formula (build-time KaTeX HTML from ctx.formulas, never user text).
// It scrolls sideways on narrow screens, so it is a focusable, labelled region for keyboard users,
// and it shows a visible cue ("scroll for the rest →" and a fading edge) whenever part of it is
// out of view, so phone readers know the formula goes on.
import { domFor, setText } from '../lib/dom.js';

export function formulaBox(host, html, label = 'Formula') {
  const { el } = domFor(host);
  const scroller = el('div', { class: 'al-formula', tabindex: '0', role: 'region', 'aria-label': label });
  scroller.innerHTML = html; // build-time KaTeX output, never learner text
  const cue = el('p', { class: 'al-formula-cue', 'aria-hidden': 'true', hidden: true }, 'Scroll sideways for the rest of the formula \u2192');
  const box = el('div', { class: 'al-formula-box' }, scroller, cue);
  const win = host.ownerDocument.defaultView;
  const update = () => {
    const hidden = scroller.scrollWidth - scroller.clientWidth;
    const more = hidden > 1 && scroller.scrollLeft < hidden - 1;
    box.dataset.overflow = hidden > 1 ? (more ? 'more' : 'end') : 'none';
    cue.hidden = !(hidden > 1);
    setText(cue, more ? 'Scroll sideways for the rest of the formula \u2192' : '\u2190 Scroll back for the start of the formula');
  };
  scroller.addEventListener('scroll', update, { passive: true });
  if (win && 'ResizeObserver' in win) new win.ResizeObserver(update).observe(scroller);
  win?.requestAnimationFrame?.(update);
  return box;
}
