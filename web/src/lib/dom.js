// dom.js — the page's one DOM helper (views, scenes, lesson frame): el() builds elements (text is always added as
// text nodes, never parsed as HTML), svg() does the same for SVG, setText() rewrites a text only when it
// changed, setHidden() does the same for the hidden flag, setLines() / setRows() keep a list's items or a
// table body's rows and rewrite only what changed, uid() makes per-instance ids.

const SVG_NS = 'http://www.w3.org/2000/svg';
const FORBIDDEN = new Set(['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'srcdoc']);
let counter = 0;

/** A page-unique id: `${prefix}-${n}` from a module counter (several instances per page). */
export function uid(prefix = 'al') {
  counter += 1;
  return `${prefix}-${counter}`;
}

function applyAttrs(node, attrs, isSvg) {
  if (!attrs) return;
  for (const [key, value] of Object.entries(attrs)) {
    if (FORBIDDEN.has(key)) throw new TypeError(`el(): "${key}" is not allowed; use text children.`);
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class' || key === 'className') {
      node.setAttribute('class', String(value));
    } else if (key === 'style' && typeof value === 'object') {
      for (const [prop, v] of Object.entries(value)) {
        if (prop.startsWith('--')) node.style.setProperty(prop, String(v));
        else node.style[prop] = v;
      }
    } else if (key === 'dataset' && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) node.dataset[k] = String(v);
    } else if (key === 'text') {
      node.textContent = String(value);
    } else if (key.startsWith('on') && typeof value === 'function') {
      node.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (!isSvg && !key.includes('-') && key in node && typeof value !== 'string') {
      node[key] = value; // properties such as hidden, disabled, tabIndex, checked
    } else if (!isSvg && (key === 'value' || key === 'hidden' || key === 'disabled') && key in node) {
      node[key] = value;
    } else {
      node.setAttribute(key, value === true ? '' : String(value));
    }
  }
}

function appendChildren(doc, node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    if (typeof child === 'object' && 'nodeType' in child) node.appendChild(child);
    else node.appendChild(doc.createTextNode(String(child)));
  }
}

/** Helpers bound to one document (use the container's ownerDocument, so iframes work). */
export function domFor(nodeOrDoc) {
  const doc = nodeOrDoc && nodeOrDoc.nodeType === 9 ? nodeOrDoc : nodeOrDoc.ownerDocument;
  return {
    doc,
    el(tag, attrs, ...children) {
      const node = doc.createElement(tag);
      applyAttrs(node, attrs, false);
      appendChildren(doc, node, children);
      return node;
    },
    svg(tag, attrs, ...children) {
      const node = doc.createElementNS(SVG_NS, tag);
      applyAttrs(node, attrs, true);
      appendChildren(doc, node, children);
      return node;
    },
  };
}

/** el(tag, attrs, ...children) on the global document. Strings become text nodes. */
export function el(tag, attrs, ...children) {
  return domFor(globalThis.document).el(tag, attrs, ...children);
}

/** SVG element on the global document. */
export function svg(tag, attrs, ...children) {
  return domFor(globalThis.document).svg(tag, attrs, ...children);
}

/**
 * Show `text` as the node's only content, writing only when it differs: assigning textContent
 * always replaces the text node (even with the same words), which makes the browser lay out and
 * shape that line again, so re-renders that repeat most texts would pay for every one of them.
 */
export function setText(node, text) {
  const t = String(text);
  const only = node.firstChild;
  if (only === null ? t === '' : only === node.lastChild && only.nodeType === 3 && only.data === t) return;
  node.textContent = t;
}

/**
 * Show or hide a node, writing the hidden flag only when it changes: setting it again, even to
 * the same value, makes the browser recalculate the node's style (its [hidden] rule).
 */
export function setHidden(node, hidden) {
  if (node.hidden !== !!hidden) node.hidden = !!hidden;
}

/**
 * Make `list` hold one `tag` element per text of `lines`, in order, reusing the items already there
 * (extra ones are removed, missing ones made) and writing only changed texts (setText). A re-render
 * that repeats most lines then leaves them alone instead of making the browser build, lay out and
 * paint the whole list again. `attrs(i)` → attributes to keep on item i (e.g. a data-* state).
 */
export function setLines(list, lines, tag = 'li', attrs = null) {
  const { el } = domFor(list);
  while (list.childNodes.length > lines.length) list.lastChild.remove();
  lines.forEach((line, i) => {
    const item = list.childNodes[i] ?? list.appendChild(el(tag));
    setText(item, line);
    if (attrs) setAttrs(item, attrs(i));
  });
}

/**
 * Make the table section `body` hold one row per entry of `rows` (each an array of cell texts; the
 * first cell a row header, <th scope="row">), reusing rows and cells the same way as setLines.
 */
export function setRows(body, rows) {
  const { el } = domFor(body);
  while (body.childNodes.length > rows.length) body.lastChild.remove();
  rows.forEach((cells, i) => {
    const row = body.childNodes[i] ?? body.appendChild(el('tr'));
    while (row.childNodes.length > cells.length) row.lastChild.remove();
    cells.forEach((text, c) => {
      const cell = row.childNodes[c] ?? row.appendChild(c === 0 ? el('th', { scope: 'row' }) : el('td'));
      setText(cell, text);
    });
  });
}

// Attributes that differ from the node's are written; null/undefined/false removes one. (Writing
// an attribute its own value again still invalidates styles and notifies observers, on every
// change of a drag.)
export function setAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs)) {
    const want = value === undefined || value === null || value === false ? null : value === true ? '' : String(value);
    if (node.getAttribute(key) === want) continue;
    if (want === null) node.removeAttribute(key); else node.setAttribute(key, want);
  }
}

/** Remove every child of a node. */
export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/** The element that has focus inside the node's root (document or shadow root). */
export function activeElementOf(node) {
  const root = node.getRootNode ? node.getRootNode() : node.ownerDocument;
  return root && 'activeElement' in root ? root.activeElement : null;
}

/** True when the user asked the system for reduced motion. */
export function prefersReducedMotion(node) {
  const win = node && node.ownerDocument ? node.ownerDocument.defaultView : globalThis;
  return !!(win && win.matchMedia && win.matchMedia('(prefers-reduced-motion: reduce)').matches);
}
