// control-order.js — ordering questions: a numbered list the learner rearranges by dragging an
// item's grip (pointer events: mouse, pen, touch) or, from the keyboard, with each item's own
// "Move up" / "Move down" buttons. Every move is announced in a polite live region.

import { domFor } from '../lib/dom.js';

export function createOrderControl(doc, question, env) {
  const list = domFor(doc).el('ol', { class: 'al-quiz-order' });
  const sr = domFor(doc).el('p', { class: 'al-quiz-sr', 'aria-live': 'polite' });
  const byId = new Map();
  let disabled = false;

  const items = () => Array.from(list.children);
  const textOf = (li) => byId.get(li.dataset.id).text;

  function syncButtons() {
    const lis = items();
    lis.forEach((li, i) => {
      li.querySelector('.al-quiz-up').disabled = disabled || i === 0;
      li.querySelector('.al-quiz-down').disabled = disabled || i === lis.length - 1;
    });
  }

  function announce(li) {
    const lis = items();
    sr.textContent = `\u201C${textOf(li)}\u201D is now at position ${lis.indexOf(li) + 1} of ${lis.length}.`;
  }

  function move(li, delta, focusClass) {
    const lis = items();
    const i = lis.indexOf(li);
    const j = i + delta;
    if (disabled || j < 0 || j >= lis.length) return;
    if (delta < 0) list.insertBefore(li, lis[j]);
    else list.insertBefore(li, lis[j].nextSibling);
    syncButtons();
    announce(li);
    // Moving a node drops focus; put it back on the same button, or its sibling at the ends.
    const target = li.querySelector(focusClass);
    (target.disabled ? li.querySelector(focusClass === '.al-quiz-up' ? '.al-quiz-down' : '.al-quiz-up') : target).focus();
  }

  function startDrag(li, ev) {
    if (disabled || (ev.pointerType === 'mouse' && ev.button !== 0)) return;
    ev.preventDefault();
    const grip = ev.currentTarget;
    if (grip.setPointerCapture) grip.setPointerCapture(ev.pointerId);
    li.classList.add('al-quiz-dragging');
    const onMove = (e) => {
      const others = items().filter((x) => x !== li);
      let before = null;
      for (const o of others) {
        const r = o.getBoundingClientRect();
        if (e.clientY < r.top + r.height / 2) { before = o; break; }
      }
      if (before !== li.nextSibling) list.insertBefore(li, before);
    };
    const onEnd = () => {
      grip.removeEventListener('pointermove', onMove);
      grip.removeEventListener('pointerup', onEnd);
      grip.removeEventListener('pointercancel', onEnd);
      li.classList.remove('al-quiz-dragging');
      syncButtons();
      announce(li);
    };
    grip.addEventListener('pointermove', onMove);
    grip.addEventListener('pointerup', onEnd);
    grip.addEventListener('pointercancel', onEnd);
  }

  for (const item of question.items) {
    byId.set(item.id, item);
    const li = domFor(doc).el('li', { class: 'al-quiz-order-item' });
    li.dataset.id = item.id;
    const grip = domFor(doc).el('span', { class: 'al-quiz-grip', text: '\u2261', 'aria-hidden': 'true', title: 'Drag to reorder' });
    grip.addEventListener('pointerdown', (e) => startDrag(li, e));
    li.append(
      grip,
      domFor(doc).el('span', { class: 'al-quiz-order-text', text: item.text }),
      domFor(doc).el('span', { class: 'al-quiz-order-buttons' }, [
        domFor(doc).el('button', { type: 'button', class: 'al-quiz-button al-quiz-up', text: 'Move up', 'aria-label': `Move up: ${item.text}`, onClick: () => move(li, -1, '.al-quiz-up') }),
        domFor(doc).el('button', { type: 'button', class: 'al-quiz-button al-quiz-down', text: 'Move down', 'aria-label': `Move down: ${item.text}`, onClick: () => move(li, 1, '.al-quiz-down') }),
      ]),
    );
    list.appendChild(li);
  }
  syncButtons();

  const el = domFor(doc).el('div', { class: 'al-quiz-ordering' }, [
    domFor(doc).el('p', { class: 'al-quiz-hint', text: 'Drag an item by its \u2261 grip, or use its Move up and Move down buttons. The first item is step 1.' }),
    list,
    sr,
  ]);

  return {
    el,
    getResponse() { return items().map((li) => li.dataset.id); },
    setResponse(order) {
      if (!Array.isArray(order)) return;
      const lis = new Map(items().map((li) => [li.dataset.id, li]));
      for (const id of order) if (lis.has(id)) list.appendChild(lis.get(id));
      syncButtons();
    },
    setDisabled(d) { disabled = d; syncButtons(); },
    focus() { const b = list.querySelector('button:not([disabled])'); if (b) b.focus(); },
  };
}
