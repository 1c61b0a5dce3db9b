// Reading a Content-Security-Policy for the exercise (web/src/code/csp.js): whether a page may
// turn typed text into code, from script-src (or default-src when script-src is absent).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cspForbidsEval, urlForbidsEval } from '../../web/src/code/csp.js';
import { STRICT_CSP } from '../../scripts/serve.mjs';

test('the lesson\'s strict policy forbids eval; wasm-unsafe-eval is not unsafe-eval', () => {
  assert.equal(cspForbidsEval(STRICT_CSP), true);
  assert.equal(cspForbidsEval("script-src 'self' 'wasm-unsafe-eval'"), true);
});

test('policies that allow eval, or say nothing about scripts', () => {
  assert.equal(cspForbidsEval(null), false);
  assert.equal(cspForbidsEval(''), false);
  assert.equal(cspForbidsEval("script-src 'self' 'unsafe-eval'"), false);
  assert.equal(cspForbidsEval("img-src 'self'; style-src 'self'"), false);
  assert.equal(cspForbidsEval("default-src 'self' 'unsafe-eval'"), false);
});

test('script-src wins over default-src; the first of a repeated directive counts; any policy of several can forbid', () => {
  assert.equal(cspForbidsEval("default-src 'self'; script-src 'self' 'unsafe-eval'"), false);
  assert.equal(cspForbidsEval("default-src 'self' 'unsafe-eval'; script-src 'self'"), true);
  assert.equal(cspForbidsEval("script-src 'unsafe-eval'; script-src 'self'"), false);
  assert.equal(cspForbidsEval("script-src 'unsafe-eval', default-src 'self'"), true);
  assert.equal(cspForbidsEval("SCRIPT-SRC 'UNSAFE-EVAL'"), false);
});

test('urlForbidsEval reads the header of a HEAD request and says null when it cannot tell', async () => {
  const reply = (status, csp) => async () => ({ ok: status === 200, headers: new Map(csp ? [['content-security-policy', csp]] : []) });
  assert.equal(await urlForbidsEval('w.js', reply(200, STRICT_CSP)), true);
  assert.equal(await urlForbidsEval('w.js', reply(200, null)), false);
  assert.equal(await urlForbidsEval('w.js', reply(404, STRICT_CSP)), null);
  assert.equal(await urlForbidsEval('w.js', async () => { throw new TypeError('offline'); }), null);
  assert.equal(await urlForbidsEval('w.js', null), null);
});
