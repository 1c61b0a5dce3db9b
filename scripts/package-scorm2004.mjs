// SCORM 2004 4th edition package: dist/attention-lesson-scorm2004.zip (unzipped in dist/scorm2004/).
// The same SCO page as the SCORM 1.2 package (scorm.js talks to API_1484_11 when the LMS offers it),
// a 2004 manifest whose primary objective is satisfied by measure (the LMS hands the pass mark to
// the lesson as cmi.scaled_passing_score), and the 2004 4th edition schema files it names.
// Usage: npm run package:scorm (builds both packages) or node scripts/package-scorm2004.mjs
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { root } from './build-web.mjs';
import { DIST } from './build-dist.mjs';
import { TITLE, pkg, xml, schemaFiles, scoPage, writePackage } from './scorm-files.mjs';

/** imsmanifest.xml for SCORM 2004 4th edition. mastery: 0..1 */
export function manifest2004({ title = TITLE, version = pkg.version, mastery = 0.8 } = {}) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="attention-lesson-2004-${xml(version)}" version="${xml(version)}"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="attention-lesson-org">
    <organization identifier="attention-lesson-org">
      <title>${xml(title)}</title>
      <item identifier="attention-lesson-item" identifierref="attention-lesson-sco" isvisible="true">
        <title>${xml(title)}</title>
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="attention-lesson-quiz" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${Number(mastery)}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="attention-lesson-sco" type="webcontent" adlcp:scormType="sco" href="index.html">
      <file href="index.html"/>
    </resource>
  </resources>
</manifest>
`;
}

export async function packageScorm2004({ outdir = DIST } = {}) {
  const files = [
    { name: 'imsmanifest.xml', data: Buffer.from(manifest2004(), 'utf8') },
    { name: 'index.html', data: await scoPage() },
    ...schemaFiles('scorm2004-4th'),
  ];
  return writePackage({ outdir, folder: 'scorm2004', zipName: 'attention-lesson-scorm2004.zip', files });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { zipPath } = await packageScorm2004();
  console.log(`SCORM 2004 4th edition package: ${path.relative(root, zipPath)} (${(readFileSync(zipPath).length / 1024).toFixed(0)} KB); unzipped in dist/scorm2004/`);
}
