// SCORM packages: dist/attention-lesson-scorm.zip (SCORM 1.2, unzipped in dist/scorm/) and, through
// package-scorm2004.mjs, dist/attention-lesson-scorm2004.zip (SCORM 2004 4th edition, unzipped in
// dist/scorm2004/). One SCO, index.html: the single-file lesson (wasm, CSS, KaTeX fonts inlined, so
// it does not depend on how the LMS serves .wasm files) with web/src/embed/scorm.js, which resumes
// from and reports to the LMS's SCORM API when there is one; the manifest; and the schema files
// the manifest names (scripts/scorm-schemas/, see its README). Needs wasm/dist/ and node_modules/.
// The zip is written here (deflate from node:zlib), no zip tool needed.
// Usage: npm run package:scorm   (both packages)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { root } from './build-web.mjs';
import { DIST } from './build-dist.mjs';
import { TITLE, pkg, xml, schemaFiles, scoPage, writePackage } from './scorm-files.mjs';
import { packageScorm2004 } from './package-scorm2004.mjs';

export { zip, schemaFiles } from './scorm-files.mjs';

export function manifest({ title = TITLE, version = pkg.version, mastery = 80 } = {}) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="attention-lesson-${xml(version)}" version="${xml(version)}"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="attention-lesson-org">
    <organization identifier="attention-lesson-org">
      <title>${xml(title)}</title>
      <item identifier="attention-lesson-item" identifierref="attention-lesson-sco" isvisible="true">
        <title>${xml(title)}</title>
        <adlcp:masteryscore>${mastery}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="attention-lesson-sco" type="webcontent" adlcp:scormtype="sco" href="index.html">
      <file href="index.html"/>
    </resource>
  </resources>
</manifest>
`;
}

/** SCORM 1.2 package. */
export async function packageScorm12({ outdir = DIST } = {}) {
  const files = [
    { name: 'imsmanifest.xml', data: Buffer.from(manifest(), 'utf8') },
    { name: 'index.html', data: await scoPage() },
    ...schemaFiles('scorm12'),
  ];
  return writePackage({ outdir, folder: 'scorm', zipName: 'attention-lesson-scorm.zip', files });
}

/** Both packages (SCORM 1.2 and SCORM 2004 4th edition). */
export async function packageScorm({ outdir = DIST } = {}) {
  const v12 = await packageScorm12({ outdir });
  const v2004 = await packageScorm2004({ outdir });
  return { ...v12, scorm2004: v2004 };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = await packageScorm();
  const kb = (p) => `${(readFileSync(p).length / 1024).toFixed(0)} KB`;
  console.log(`SCORM 1.2 package: ${path.relative(root, out.zipPath)} (${kb(out.zipPath)}); unzipped in dist/scorm/`);
  console.log(`SCORM 2004 4th edition package: ${path.relative(root, out.scorm2004.zipPath)} (${kb(out.scorm2004.zipPath)}); unzipped in dist/scorm2004/`);
}
