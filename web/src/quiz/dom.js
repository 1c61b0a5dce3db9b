// dom.js — tiny helpers for building the quiz's DOM with createElement/textContent only (no
// innerHTML anywhere), always from the document that owns the container we were given, so the
// quiz works inside shadow roots and iframes.

/**
 * h(doc, tag, props, children): create an element.
 * props: { class, text, attrs: {name: value}, on: {event: fn}, ...properties }
 * children: nodes, strings (become text nodes), or null/false (skipped).
 */
export function h(doc, tag, props = {}, children = []) {
  const el = doc.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k === 'attrs') for (const [a, av] of Object.entries(v)) { if (av !== undefined && av !== null && av !== false) el.setAttribute(a, av === true ? '' : String(av)); }
    else if (k === 'on') for (const [ev, fn] of Object.entries(v)) el.addEventListener(ev, fn);
    else el[k] = v;
  }
  for (const c of [].concat(children)) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'string' ? doc.createTextNode(c) : c);
  }
  return el;
}

/** A native <button type="button">. */
export function button(doc, text, onClick, props = {}) {
  return h(doc, 'button', { type: 'button', class: 'al-quiz-button', text, on: { click: onClick }, ...props });
}

/** Remove every child of a node. */
export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/** Show or hide a node with the hidden attribute. */
export function show(node, visible) {
  node.hidden = !visible;
}
