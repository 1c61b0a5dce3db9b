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
