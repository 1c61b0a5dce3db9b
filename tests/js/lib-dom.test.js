// lib-dom.test.js — the page's one DOM helper (web/src/lib/dom.js).
// always added as text nodes, innerHTML is refused, attributes/properties/listeners are applied.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { domFor, uid } from '../../web/src/lib/dom.js';
import { legendDescription } from '../../web/src/views/legend.js';

function fakeDocument() {
  const doc = {
    nodeType: 9,
    createTextNode: (text) => ({ nodeType: 3, text }),
    createElement: (tag) => makeNode(tag, null),
    createElementNS: (ns, tag) => makeNode(tag, ns),
  };
  function makeNode(tag, ns) {
    const node = {
      nodeType: 1, tag, ns, attrs: {}, children: [], listeners: {}, style: { setProperty(k, v) { this[k] = v; } },
      dataset: {}, hidden: false, disabled: false, value: '', tabIndex: -1,
      setAttribute(k, v) { this.attrs[k] = v; },
      appendChild(c) { this.children.push(c); return c; },
      addEventListener(type, fn) { this.listeners[type] = fn; },
      ownerDocument: doc,
    };
    let html = '';
    Object.defineProperty(node, 'innerHTML', { get: () => html, set: () => { throw new Error('innerHTML used'); } });
    let text = '';
    Object.defineProperty(node, 'textContent', { get: () => text, set: (v) => { text = v; } });
    return node;
  }
  return doc;
}

test('el() appends strings as text nodes, never as HTML', () => {
  const { el } = domFor(fakeDocument());
  const hostile = '<img src=x onerror=alert(1)>';
  const node = el('span', { class: 'al-x' }, hostile, 42, null, false, ['a', ['b']]);
  assert.equal(node.attrs.class, 'al-x');
  assert.deepEqual(node.children.map((c) => [c.nodeType, c.text]), [[3, hostile], [3, '42'], [3, 'a'], [3, 'b']]);
});

test('el() refuses innerHTML-like attributes', () => {
  const { el } = domFor(fakeDocument());
  assert.throws(() => el('div', { innerHTML: '<b>x</b>' }), TypeError);
  assert.throws(() => el('div', { outerHTML: 'x' }), TypeError);
});

test('el() sets attributes, boolean properties, styles, data and listeners', () => {
  const { el } = domFor(fakeDocument());
  let clicked = 0;
  const node = el('button', {
    type: 'button', 'aria-label': 'Play', hidden: true, disabled: false, tabindex: '0',
    style: { width: '3px', '--al-x': '1' }, dataset: { row: 2 }, onClick: () => { clicked += 1; }, title: undefined,
  });
  assert.equal(node.attrs.type, 'button');
  assert.equal(node.attrs['aria-label'], 'Play');
  assert.equal(node.attrs.tabindex, '0');
  assert.equal(node.hidden, true);
  assert.equal(node.disabled, false);
  assert.ok(!('title' in node.attrs));
  assert.equal(node.style.width, '3px');
  assert.equal(node.style['--al-x'], '1');
  assert.equal(node.dataset.row, '2');
  node.listeners.click();
  assert.equal(clicked, 1);
});

test('svg() creates namespaced elements and sets attributes', () => {
  const { svg } = domFor(fakeDocument());
  const node = svg('circle', { r: 4, class: 'al-hit' }, 'label');
  assert.equal(node.ns, 'http://www.w3.org/2000/svg');
  assert.equal(node.attrs.r, '4');
  assert.equal(node.children[0].text, 'label');
});

test('uid() is unique per call and keeps the prefix', () => {
  const a = uid('al-hm');
  const b = uid('al-hm');
  assert.notEqual(a, b);
  assert.match(a, /^al-hm-\d+$/);
});

test('legend descriptions put the colour meaning into words', () => {
  assert.equal(legendDescription({ scale: 'sequential', domain: [0, 1], stage: 'softmax weights' }),
    'Colour scale for softmax weights: dark blue for 0.00 through grey to yellow for 1.00.');
  assert.match(legendDescription({ scale: 'diverging', domain: [-2, 2], stage: 'scores' }), /blue for negative values down to −2\.00, white for 0, red for positive values up to 2\.00/);
});

test('setText writes only a changed text, and otherwise behaves as textContent', async () => {
  const { setText } = await import('../../web/src/lib/dom.js');
  let writes = 0;
  // A node whose content is one text node, counting textContent writes.
  const node = {
    firstChild: null, lastChild: null,
    set textContent(v) {
      writes += 1;
      const t = v === '' ? null : { nodeType: 3, data: String(v) };
      this.firstChild = t;
      this.lastChild = t;
    },
  };
  setText(node, 'Step 1 of 17');
  setText(node, 'Step 1 of 17');
  assert.equal(writes, 1, 'the same words are not written again');
  setText(node, 'Step 2 of 17');
  assert.equal(node.firstChild.data, 'Step 2 of 17');
  setText(node, 42);
  assert.equal(node.firstChild.data, '42', 'numbers become text');
  setText(node, '');
  setText(node, '');
  assert.equal(writes, 4, 'clearing an empty node writes nothing');
  // Element children with the same concatenated text are still replaced (as textContent does).
  const span = { nodeType: 1, data: undefined };
  const parent = { firstChild: span, lastChild: span, set textContent(v) { writes += 1; this.firstChild = { nodeType: 3, data: v }; this.lastChild = this.firstChild; } };
  setText(parent, '');
  assert.equal(writes, 5, 'a node holding an element is cleared even when its text is already empty');
});

// A small live DOM for setLines / setRows: child lists, text nodes, attributes, and a count of
// the elements ever made, so a test can see which items were kept.
function liveDocument() {
  let made = 0;
  const doc = { nodeType: 9 };
  const text = (data) => ({ nodeType: 3, data, parentNode: null, remove() { detach(this); } });
  function detach(n) { const p = n.parentNode; if (p) { p.childNodes.splice(p.childNodes.indexOf(n), 1); n.parentNode = null; } }
  function element(tag) {
    made += 1;
    const node = {
      nodeType: 1, tag, childNodes: [], attrs: {}, ownerDocument: doc, parentNode: null, writes: 0,
      get firstChild() { return this.childNodes[0] ?? null; },
      get lastChild() { return this.childNodes[this.childNodes.length - 1] ?? null; },
      appendChild(c) { detach(c); c.parentNode = this; this.childNodes.push(c); return c; },
      remove() { detach(this); },
      setAttribute(k, v) { this.attrs[k] = String(v); },
      getAttribute(k) { return k in this.attrs ? this.attrs[k] : null; },
      removeAttribute(k) { delete this.attrs[k]; },
      addEventListener() {},
      get textContent() { return this.childNodes.map((c) => (c.nodeType === 3 ? c.data : c.textContent)).join(''); },
      set textContent(v) { this.writes += 1; for (const c of [...this.childNodes]) detach(c); if (v !== '') this.appendChild(text(String(v))); },
    };
    return node;
  }
  doc.createElement = element;
  doc.createTextNode = text;
  return { doc, made: () => made };
}

test('setLines keeps the items already there, writes only changed lines, and follows the count', async () => {
  const { setLines } = await import('../../web/src/lib/dom.js');
  const { doc, made } = liveDocument();
  const list = doc.createElement('ul');
  setLines(list, ['a · b = 2', 'a · c = 0']);
  assert.deepEqual(list.childNodes.map((li) => [li.tag, li.textContent]), [['li', 'a · b = 2'], ['li', 'a · c = 0']]);
  const [first, second] = list.childNodes;
  const before = made();
  setLines(list, ['a · b = 2', 'a · c = 1', 'a · d = 3']);
  assert.equal(list.childNodes[0], first, 'the unchanged line is the same element');
  assert.equal(first.writes, 1, 'and its text was not written again');
  assert.equal(list.childNodes[1], second);
  assert.equal(second.textContent, 'a · c = 1');
  assert.equal(made() - before, 1, 'only the new third line was made');
  setLines(list, ['only one'], 'li', (i) => ({ 'data-verdict': i === 0 ? 'ok' : null }));
  assert.deepEqual(list.childNodes.map((li) => li.textContent), ['only one'], 'extra items are removed');
  assert.equal(list.childNodes[0].getAttribute('data-verdict'), 'ok');
  setLines(list, ['only one'], 'li', () => ({ 'data-verdict': null }));
  assert.equal(list.childNodes[0].getAttribute('data-verdict'), null, 'null removes an attribute');
  setLines(list, []);
  assert.equal(list.childNodes.length, 0);
});

test('setRows keeps rows and cells, the first cell a row header', async () => {
  const { setRows } = await import('../../web/src/lib/dom.js');
  const { doc, made } = liveDocument();
  const body = doc.createElement('tbody');
  setRows(body, [['d_k 4', '0.61', '0.70'], ['d_k 64', '0.58', '0.93']]);
  assert.deepEqual(body.childNodes.map((tr) => tr.childNodes.map((c) => `${c.tag}:${c.textContent}`)),
    [['th:d_k 4', 'td:0.61', 'td:0.70'], ['th:d_k 64', 'td:0.58', 'td:0.93']]);
  assert.equal(body.childNodes[0].childNodes[0].getAttribute('scope'), 'row');
  const keep = body.childNodes[1].childNodes[2];
  const before = made();
  setRows(body, [['d_k 4', '0.61', '0.70'], ['d_k 64', '0.58', '0.95']]);
  assert.equal(made(), before, 'no element is made for a changed number');
  assert.equal(body.childNodes[1].childNodes[2], keep);
  assert.equal(keep.textContent, '0.95');
  setRows(body, [['d_k 4', '0.61']]);
  assert.deepEqual(body.childNodes.map((tr) => tr.childNodes.map((c) => c.textContent)), [['d_k 4', '0.61']]);
});

test('setHidden writes the hidden flag only when it changes', async () => {
  const { setHidden } = await import('../../web/src/lib/dom.js');
  let writes = 0;
  let flag = false;
  const node = { get hidden() { return flag; }, set hidden(v) { writes += 1; flag = v; } };
  setHidden(node, false);
  assert.equal(writes, 0, 'already shown');
  setHidden(node, 'yes');
  assert.equal(flag, true, 'any truthy value hides');
  setHidden(node, true);
  assert.equal(writes, 1, 'hiding a hidden node writes nothing');
  setHidden(node, 0);
  assert.equal(flag, false);
  assert.equal(writes, 2);
});
