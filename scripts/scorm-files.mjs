// What both SCORM packages share (package-scorm.mjs for 1.2, package-scorm2004.mjs for 2004): the
// SCO page (the single-file lesson with web/src/embed/scorm-page.js), the schema files of a version
// (scripts/scorm-schemas/), and a minimal zip writer (deflate from node:zlib, no zip tool needed).
// Not a packaging script of its own.
import { deflateRawSync } from 'node:zlib';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './build-web.mjs';
import { singleFile } from './build-dist.mjs';

export const TITLE = 'Self-attention, step by step';
export const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
export const xml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

// ---- a minimal zip writer (deflate, no zip64: files well under 4 GiB) ------------------------
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** files: [{ name, data: Buffer }] → a zip archive (Buffer). */
export function zip(files, date = new Date()) {
  const dosTime = ((date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1)) & 0xffff;
  const dosDate = (((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate()) & 0xffff;
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of files) {
    const nameBuf = Buffer.from(name, 'utf8');
    const packed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, packed);
    centrals.push(central, nameBuf);
    offset += local.length + nameBuf.length + packed.length;
  }
  const centralBuf = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralBuf, end]);
}

/** The schema files of one SCORM version (scripts/scorm-schemas/<folder>/) as zip entries. */
export function schemaFiles(folder) {
  const dir = path.join(root, 'scripts/scorm-schemas', folder);
  return readdirSync(dir).filter((f) => f.endsWith('.xsd')).sort()
    .map((name) => ({ name, data: readFileSync(path.join(dir, name)) }));
}

let pageCache = null;
/** The SCO page (the same for both versions: it finds whichever API the LMS offers). */
export async function scoPage() {
  pageCache ??= Buffer.from(await singleFile({ entry: 'web/src/embed/scorm-page.js' }), 'utf8');
  return pageCache;
}

/** Writes <name>.zip and the same files unzipped in <folder>/. */
export function writePackage({ outdir, folder, zipName, files }) {
  const dir = path.join(outdir, folder);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const f of files) writeFileSync(path.join(dir, f.name), f.data);
  const zipPath = path.join(outdir, zipName);
  writeFileSync(zipPath, zip(files));
  return { zipPath, folder: dir };
}

