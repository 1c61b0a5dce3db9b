// third-party-notices.mjs — the licence notices of everything the lesson ships that others wrote:
// the npm packages esbuild bundled (read from their own LICENSE files, found through the bundles'
// metafile inputs), Eigen and xsimd (compiled into the .wasm files; Debian's copyright files),
// and WordNet 3.0 (the language model is trained on its example sentences and carries its
// vocabulary). build-dist.mjs writes them to dist/THIRD-PARTY-NOTICES.txt and into the single file.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

// The package folder of a bundled input path ('node_modules/@codemirror/view/dist/index.js' →
// 'node_modules/@codemirror/view'), or null for the project's own files.
export function packageOf(input) {
  const m = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input.split(path.sep).join('/'));
  return m ? m[1] : null;
}

function licenceText(dir) {
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
  return file ? readFileSync(path.join(dir, file), 'utf8').trim() : null;
}

// Debian's copyright file of a -dev package (Eigen, xsimd), when the machine has it.
function debianCopyright(pkg) {
  const f = `/usr/share/doc/${pkg}/copyright`;
  return existsSync(f) ? readFileSync(f, 'utf8').trim() : null;
}

/**
 * The notices text. root: the repository; packages: npm package names bundled into the files
 * shipped. Throws if a bundled package has no licence file, so nothing ships without its notice.
 */
export function thirdPartyNotices(root, packages) {
  const parts = ['Third-party notices for the attention lesson', '',
    'The lesson (MIT, see LICENSE) ships code and data written by others, under these licences.', ''];
  for (const name of [...new Set(packages)].sort()) {
    const dir = path.join(root, 'node_modules', name);
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const text = licenceText(dir);
    if (!text) throw new Error(`${name} is bundled into the lesson but has no licence file to ship.`);
    parts.push(`==== ${name} ${pkg.version} (${pkg.license ?? 'see below'}), bundled into the page's scripts ====`, '', text, '');
  }
  for (const [name, deb, what] of [['Eigen', 'libeigen3-dev', 'MPL-2.0'], ['xsimd', 'libxsimd-dev', 'BSD-3-Clause']]) {
    const text = debianCopyright(deb);
    parts.push(`==== ${name} (${what}), compiled into the .wasm files ====`, '',
      text ?? `See the ${name} sources for the full licence text (Debian package ${deb}).`, '');
  }
  parts.push('==== WordNet 3.0 (the language model is trained on its example sentences and carries its vocabulary) ====', '',
    readFileSync(path.join(root, 'web/assets/lm/LICENSE-WordNet.txt'), 'utf8').trim(), '');
  return `${parts.join('\n')}\n`;
}
