// controls.js — small DOM pieces several scenes repeat: a debounced sentence box, an on/off toggle button
// (aria-pressed), a labelled range slider that reports every move and its release, and a message
// line for replaced settings. All text is added as text nodes; nothing here computes.
import { domFor, uid, activeElementOf, setText, setHidden, setAttrs } from '../lib/dom.js';

// A labelled text box; onChange(text) fires 250 ms after typing stops (and on Enter / blur).
export function sentenceField(host, { label = 'Sentence', onChange }) {
  const { el } = domFor(host);
  const id = uid('scene-sentence');
  const input = el('input', { type: 'text', id, class: 'al-input al-wide', autocomplete: 'off', spellcheck: 'false', maxlength: '2000' });
  const element = el('div', { class: 'scene-field' }, el('label', { for: id }, label), input);
  const win = host.ownerDocument.defaultView;
  let timer = 0;
  const fire = () => { win.clearTimeout(timer); timer = 0; onChange(input.value); };
  input.addEventListener('input', () => { win.clearTimeout(timer); timer = win.setTimeout(fire, 250); });
  input.addEventListener('change', fire);
  return {
    element,
    input,
    // Shows the state's sentence unless the learner is typing in the box.
    sync(text) {
      if (activeElementOf(input) !== input && input.value !== text) input.value = typeof text === 'string' ? text : '';
    },
    destroy() { win.clearTimeout(timer); },
  };
}

// A button whose aria-pressed carries the state; the visible text names the state too.
export function toggleButton(host, { label, onToggle }) {
  const { el } = domFor(host);
  const state = el('span', { class: 'scene-toggle-state' });
  const button = el('button', { type: 'button', class: 'al-button scene-toggle', 'aria-pressed': 'false' }, label, ': ', state);
  button.addEventListener('click', () => onToggle(button.getAttribute('aria-pressed') !== 'true'));
  return {
    element: button,
    sync(on) {
      setAttrs(button, { 'aria-pressed': on ? 'true' : 'false' });
      setText(state, on ? 'on' : 'off');
    },
  };
}

// A labelled range slider with its value printed beside it. onInput(value) on every move,
// onCommit(value) when released (for announcements).
export function rangeField(host, { label, min, max, step = 1, onInput, onCommit, format = String }) {
  const { el } = domFor(host);
  const id = uid('scene-range');
  const input = el('input', { type: 'range', id, min: String(min), max: String(max), step: String(step) });
  const out = el('output', { for: id, class: 'al-stat', 'aria-live': 'off' });
  const element = el('div', { class: 'scene-field scene-range' }, el('label', { for: id }, label), input, out);
  input.addEventListener('input', () => onInput(Number(input.value)));
  if (onCommit) input.addEventListener('change', () => onCommit(Number(input.value)));
  return {
    element,
    input,
    sync(value, limits = {}) {
      // (only what changed is written: the slider being dragged is left alone)
      if (limits.min !== undefined && input.min !== String(limits.min)) input.min = String(limits.min);
      if (limits.max !== undefined && input.max !== String(limits.max)) input.max = String(limits.max);
      if (input.value !== String(value)) input.value = String(value);
      const text = format(value);
      setText(out, text);
      if (input.getAttribute('aria-valuetext') !== text) input.setAttribute('aria-valuetext', text);
    },
  };
}

// A paragraph listing the settings that had to be replaced; hidden when there are none.
export function messageLine(host) {
  const { el } = domFor(host);
  const element = el('p', { class: 'al-message', hidden: true });
  return {
    element,
    show(messages) {
      const list = messages.filter(Boolean);
      setText(element, list.join(' '));
      setHidden(element, list.length === 0);
    },
  };
}

export { formulaBox } from './formula-box.js';
