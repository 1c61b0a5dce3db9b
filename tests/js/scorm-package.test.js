// The SCORM manifests (scripts/package-scorm.mjs, scripts/package-scorm2004.mjs) are valid against
// the schema files they name, and every schema file they name ships with them. xmllint (Debian
// libxml2-utils) does the validating; a wrapper schema imports each namespace's file, since a
// manifest mixes several namespaces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { manifest, schemaFiles } from '../../scripts/package-scorm.mjs';
import { manifest2004 } from '../../scripts/package-scorm2004.mjs';

// namespace → schema file, from the manifest's own xsi:schemaLocation.
function locations(xml) {
  const list = /xsi:schemaLocation="([^"]+)"/.exec(xml)[1].trim().split(/\s+/);
  const out = [];
  for (let i = 0; i < list.length; i += 2) out.push([list[i], list[i + 1]]);
  return out;
}

function validate(xml, folder) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'scorm-xsd-'));
  try {
    for (const f of schemaFiles(folder)) writeFileSync(path.join(dir, f.name), f.data);
    const imports = locations(xml).map(([ns, file]) => `  <xsd:import namespace="${ns}" schemaLocation="${file}"/>`).join('\n');
    writeFileSync(path.join(dir, 'all.xsd'), `<?xml version="1.0"?>\n<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:test:all">\n${imports}\n</xsd:schema>\n`);
    writeFileSync(path.join(dir, 'imsmanifest.xml'), xml);
    try {
      execFileSync('xmllint', ['--noout', '--schema', 'all.xsd', 'imsmanifest.xml'], { cwd: dir, stdio: 'pipe' });
      return { ok: true };
    } catch (err) {
      return { ok: false, message: String(err.stderr) };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const [name, xml, folder] of [['SCORM 1.2', manifest(), 'scorm12'], ['SCORM 2004 4th edition', manifest2004(), 'scorm2004-4th']]) {
  test(`${name}: the manifest names only schema files that ship, and validates against them`, () => {
    const shipped = new Set(schemaFiles(folder).map((f) => f.name));
    for (const [, file] of locations(xml)) assert.ok(shipped.has(file), `${file} is named but not shipped`);
    const out = validate(xml, folder);
    assert.ok(out.ok, out.message);
  });
}

test('a manifest with a wrong value fails validation (the check can fail)', () => {
  const bad = manifest2004().replace('satisfiedByMeasure="true"', 'satisfiedByMeasure="sometimes"');
  const out = validate(bad, 'scorm2004-4th');
  assert.equal(out.ok, false);
  assert.match(out.message, /satisfiedByMeasure/);
  const bad12 = manifest().replace('adlcp:scormtype="sco"', 'adlcp:scormtype="lesson"');
  const out12 = validate(bad12, 'scorm12');
  assert.equal(out12.ok, false);
  assert.match(out12.message, /scormtype/);
});

test('the 2004 manifest says 4th edition and hands the pass mark to the LMS', () => {
  const xml = manifest2004({ mastery: 0.75 });
  assert.match(xml, /<schemaversion>2004 4th Edition<\/schemaversion>/);
  assert.match(xml, /<imsss:minNormalizedMeasure>0\.75<\/imsss:minNormalizedMeasure>/);
  assert.match(xml, /adlcp:scormType="sco" href="index.html"/);
});
